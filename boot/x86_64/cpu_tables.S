/*
 * Kiln boot shim, x86_64 in ring 0 (hvt, virtio): the guest's descriptor
 * tables (GDT, IDT) and the entry stubs for CPU exceptions 0-31.
 *
 * hvt: the tender's GDT lies in low memory that the guest's page tables do
 * not map, so delivering an exception (which reads the code segment
 * descriptor named by the IDT gate) would fault again and triple-fault the
 * guest. The guest therefore loads its own GDT, with the same selectors and
 * descriptors as the tender's (code 0x08, data 0x10): the segment registers
 * keep their cached values and need no reload. virtio: the 32-bit entry
 * (virtio/entry32.S) loads this GDT to enter long mode through selector 0x08.
 *
 * The IDT is built by the linker, not at run time: on an emulating KVM every
 * guest instruction is slow, and a loop filling 32 gates would cost more than
 * the rest of the start-up. The stubs are 16 bytes apart in one 512-byte
 * block that the linker script (hvt.lds, virtio.lds) places early in .text
 * (and asserts does not cross a 64 KiB boundary), so stub i's address is __kiln_trap_stubs + 16 * i with
 * no carry out of the low 16 bits; the linker script exports the two 16-bit
 * halves of __kiln_trap_stubs (__kiln_trap_stubs_lo16 / _mid16) and each
 * gate below adds its offset to the low half. The image lies below 4 GiB
 * (it is linked at 0x100000), so the high 32 bits of every handler are 0.
 *
 * A stack overflow into the guard below the stack (kiln/kiln_abi.h) raises
 * #PF, which the CPU cannot deliver on the same stack; it then raises #DF.
 * So #DF runs on a stack of its own: its gate names IST 1, the interrupt
 * stack table entry of a 64-bit TSS whose descriptor (selector 0x18) is in
 * the GDT below and which x86_trap_init (trap.c) loads with ltr. Its base is split
 * across the descriptor like the stubs' address (the linker script exports
 * the parts).
 * Only #DF uses it: a fault inside a handler running on an IST stack would
 * restart at the top of that stack, over the frame in use.
 */

#define GDT_CODE_SELECTOR 0x08 /* the 64-bit code segment               */
#define GATE_INTERRUPT_P 0x8e  /* present, DPL 0, 64-bit interrupt gate */
#define TRAP_DF 8              /* #DF, the one vector on the IST stack   */
#define TSS_SIZE 104           /* a 64-bit TSS, no I/O permission map    */
#define TSS_AVAILABLE_P 0x89   /* present, DPL 0, available 64-bit TSS   */
#define IST_STACK_SIZE 8192
#define STUB_SIZE 16
#define NVECTORS 32

    .section .text.kiln_trap_stubs, "ax", @progbits
    .balign STUB_SIZE
    .global __kiln_trap_stubs
__kiln_trap_stubs:
    /* The CPU pushes an error code for these vectors; the others get a 0. */
    .irp vec, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .balign STUB_SIZE
    .if (\vec == 8) || (\vec >= 10 && \vec <= 14) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
    .else
    pushq $0
    .endif
    pushq $\vec
    jmp kiln_trap_common
    .endr

/*
 * Save the general registers and cr2 below the vector and error code, so the
 * stack holds a struct hvt_trap_cookie (kiln/hvt_trap.h), and hand it to
 * kiln_x86_trap (trap.c), which does not return.
 */
kiln_trap_common:
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %cr2, %rax
    pushq %rax
    movq %rsp, %rdi
    andq $-16, %rsp             /* the ABI's alignment at a call */
    cld
    call kiln_x86_trap
1:  cli
    hlt
    jmp 1b

    .section .rodata.kiln_idt, "a", @progbits
    .balign 16
__kiln_idt:
    .set vec, 0
    .rept NVECTORS
    .word __kiln_trap_stubs_lo16 + STUB_SIZE * vec /* offset 15..0   */
    .word GDT_CODE_SELECTOR
    .if vec == TRAP_DF
    .byte 1                                        /* IST 1          */
    .else
    .byte 0                                        /* current stack  */
    .endif
    .byte GATE_INTERRUPT_P
    .word __kiln_trap_stubs_mid16                  /* offset 31..16  */
    .long 0                                        /* offset 63..32  */
    .long 0                                        /* reserved       */
    .set vec, vec + 1
    .endr

    /* The operands of lidt and lgdt: limit, then base. */
    .balign 8
    .global __kiln_idt_descriptor
__kiln_idt_descriptor:
    .word NVECTORS * 16 - 1
    .quad __kiln_idt
    .balign 8
    .global __kiln_gdt_descriptor
__kiln_gdt_descriptor:
    .word 5 * 8 - 1
    .quad __kiln_gdt

    /*
     * Writable, because the CPU sets a descriptor's accessed bit when it
     * loads it (they are preset here, so it should never need to).
     */
    .section .data.kiln_gdt, "aw", @progbits
    .balign 8
__kiln_gdt:
    .quad 0                     /* 0x00 null                                  */
    .quad 0x00af9b000000ffff    /* 0x08 code: 64-bit, present, DPL 0, exec/read */
    .quad 0x00cf93000000ffff    /* 0x10 data: present, DPL 0, read/write       */
    /* 0x18 the TSS, a 16-byte system descriptor (ltr marks it busy).      */
    .word TSS_SIZE - 1          /* limit 15..0                                 */
    .word __kiln_tss_lo16       /* base 15..0                                  */
    .byte __kiln_tss_b2         /* base 23..16                                 */
    .byte TSS_AVAILABLE_P
    .byte 0                     /* limit 19..16, flags                         */
    .byte __kiln_tss_b3         /* base 31..24                                 */
    .long 0                     /* base 63..32: the image is below 4 GiB       */
    .long 0                     /* reserved                                    */

    /*
     * The 64-bit TSS: only IST 1 is used (no privilege changes, no I/O
     * map). Fields are at fixed, partly unaligned offsets.
     */
    .section .data.kiln_tss, "aw", @progbits
    .balign 16
    .global __kiln_tss
__kiln_tss:
    .long 0                     /* @0   reserved                               */
    .quad 0, 0, 0               /* @4   rsp0-2: unused (all code is ring 0)    */
    .quad 0                     /* @28  reserved                               */
    .quad __kiln_ist_stack_top  /* @36  IST 1: #DF                             */
    .quad 0, 0, 0, 0, 0, 0      /* @44  IST 2-7                                */
    .quad 0                     /* @92  reserved                               */
    .word 0                     /* @100 reserved                               */
    .word TSS_SIZE              /* @102 I/O map base past the end: no map      */

    .section .bss.kiln_ist_stack, "aw", @nobits
    .balign 16
    .space IST_STACK_SIZE
__kiln_ist_stack_top:

    .section .note.GNU-stack, "", @progbits
