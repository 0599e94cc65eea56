/*
 * Kiln boot shim, virtio on aarch64 (QEMU's virt board): the entry.
 *
 * QEMU's -kernel loads the ELF image at its addresses (virt.lds: from
 * 0x40200000) and starts its entry at EL1 (EL2 with virtualization=on),
 * the MMU off, the device tree at the start of RAM (0x40000000) for an
 * image that is not a Linux kernel; a loader that follows Linux's arm64
 * boot protocol hands its address in x0 instead (start.c checks both).
 *
 * Here: drop from EL2 to EL1 if need be, mask interrupts, let EL1 use the
 * FP/SIMD registers (the runtime does), zero .bss (the boot stack is in
 * it), install the exception vectors and their stack (../../aarch64/
 * vectors.S), then virt_start(x0) in C on the boot stack.
 */
#define CPACR_FPEN_ALL (3 << 20)
#define HCR_EL2_RW (1 << 31)       /* EL1 is AArch64 */
#define SPSR_EL1H_MASKED 0x3c5     /* DAIF masked, EL1 with SP_EL1 */
#define BOOT_STACK_SIZE 16384
#define PL011_BASE 0x09000000
#define SEMIHOSTING_SYS_EXIT 0x18

    .section .text.kiln_entry, "ax"
    .global kiln_virt_entry
    .type kiln_virt_entry, %function
kiln_virt_entry:
    mov x19, x0
    mrs x1, CurrentEL
    lsr x1, x1, #2
    cmp x1, #1
    b.eq 1f
    cmp x1, #2
    b.ne .Lwrong_el
    /* EL2: EL1 gets the counter and the timer, and runs AArch64. */
    mov x1, #3
    msr cnthctl_el2, x1
    msr cntvoff_el2, xzr
    mov x1, #HCR_EL2_RW
    msr hcr_el2, x1
    mov x1, #SPSR_EL1H_MASKED
    msr spsr_el2, x1
    adr x1, 1f
    msr elr_el2, x1
    eret
1:
    msr daifset, #0xf
    mov x1, #CPACR_FPEN_ALL
    msr cpacr_el1, x1
    isb
    /* .bss is 16-byte aligned and sized (virt.lds). */
    adrp x1, __kiln_bss_start
    add x1, x1, :lo12:__kiln_bss_start
    adrp x2, __kiln_image_end
    add x2, x2, :lo12:__kiln_image_end
2:  cmp x1, x2
    b.hs 3f
    stp xzr, xzr, [x1], #16
    b 2b
3:
    adrp x1, boot_stack_top
    add x1, x1, :lo12:boot_stack_top
    mov sp, x1
    bl aarch64_trap_init
    mov x29, #0
    mov x30, #0
    mov x0, x19
    bl virt_start
    /* virt_start does not return. */
.Lwrong_el:
    /*
     * EL3 (secure=on): nothing Kiln drives is set up there. Say so on the
     * virt board's PL011 (MMU off: its fixed address) and exit 1 through
     * semihosting (if it is off, the HLT faults with no vectors: a hang).
     */
    mov x1, #PL011_BASE
    /* adrp: .rodata may be more than adr's 1 MiB away (an image that
     * embeds its files, httpd's, has megabytes of it). */
    adrp x2, wrong_el_msg
    add x2, x2, :lo12:wrong_el_msg
1:  ldrb w3, [x2], #1
    cbz w3, 2f
    str w3, [x1]
    b 1b
2:  mov x0, #SEMIHOSTING_SYS_EXIT
    adrp x1, wrong_el_exit
    add x1, x1, :lo12:wrong_el_exit
    hlt #0xf000
3:  wfi
    b 3b
    .size kiln_virt_entry, . - kiln_virt_entry

    .section .rodata
    .balign 8
wrong_el_exit:
    .quad 0x20026 /* ADP_Stopped_ApplicationExit */
    .quad 1
wrong_el_msg:
    .asciz "kiln: virtio: started at EL3 (QEMU secure=on?); Kiln's virt images run at EL1 or EL2: drop secure=on\n"

    .bss
    .balign 16
boot_stack:
    .space BOOT_STACK_SIZE
boot_stack_top:

    .section .note.GNU-stack, "", %progbits
