/*
 * Kiln boot shim, virtio: how a loader finds the image, and its 32-bit
 * entry up to 64-bit C (start.c).
 *
 * Two loader protocols, one entry point (kiln_virtio_entry32):
 *
 *   PVH: the ELF note XEN_ELFNOTE_PHYS32_ENTRY ("Xen", type 18) holds the
 *   entry's physical address. Loaders: Firecracker, Cloud Hypervisor, and
 *   QEMU's -kernel for a file without a multiboot header. ebx = the
 *   physical address of struct hvm_start_info (magic 0x336ec578).
 *
 *   Multiboot (version 1): the header below, with its address fields (flag
 *   16), so a loader copies the file as a flat binary instead of reading it
 *   as an ELF32 file, which this ELF64 file is not. Loaders: GRUB, and
 *   QEMU's -kernel, which looks for a multiboot header before a PVH note
 *   (hw/i386/x86.c, QEMU 7.2): pc, q35 and microvm boot this image as
 *   multiboot. eax = 0x2badb002, ebx = the physical address of the
 *   multiboot information.
 *
 * Both enter here in 32-bit protected mode with paging off, flat segments
 * and interrupts off; memmap.c tells them apart by the magic at ebx, then
 * eax (microvm's firmware enters PVH images with the multiboot eax).
 * This file then switches to long mode: identity page tables for the first
 * 4 GiB in 2 MiB pages (paging.c replaces them with the final ones), PAE,
 * EFER.LME, paging with CR0.WP (so read-only pages hold in ring 0 too), the
 * shared GDT (../x86_64/cpu_tables.S: code 0x08, data 0x10), a far jump to
 * 64-bit code, and a call to virtio_start(eax, ebx) on a boot stack.
 *
 * virtio.lds links the image at 0x100000 with every file offset equal to
 * its address - 0x100000, which is what the multiboot header's address
 * fields tell a loader; it keeps the header in the first 8 KiB of the file,
 * where multiboot loaders look for it.
 */

#define MULTIBOOT_MAGIC 0x1badb002
#define MULTIBOOT_MEMORY_INFO (1 << 1)  /* mem_* and mmap_* in the info   */
#define MULTIBOOT_ADDRESSES (1 << 16)   /* the address fields are valid  */
#define MULTIBOOT_FLAGS (MULTIBOOT_MEMORY_INFO | MULTIBOOT_ADDRESSES)

#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define PTE_P 0x1
#define PTE_RW 0x2
#define PTE_PS 0x80                     /* a 2 MiB page in a PD entry     */

#define CR0_PE (1 << 0)
#define CR0_NE (1 << 5)                 /* x87 errors as #MF, not IRQ 13  */
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)             /* SSE for the application       */
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)

#define GDT_CODE64 0x08                 /* ../x86_64/cpu_tables.S        */
#define GDT_DATA 0x10

#include "exit_ports.h"

#define COM1 0x3f8

#define BOOT_STACK_SIZE 16384

/* ---- Multiboot header (first in .text: see virtio.lds) ------------ */

    .section .text.kiln_multiboot, "ax", @progbits
    .balign 4
    .global kiln_multiboot_header       /* for virtio.lds's check        */
kiln_multiboot_header:
    .long MULTIBOOT_MAGIC
    .long MULTIBOOT_FLAGS
    .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
    .long kiln_multiboot_header         /* header_addr: where this lands  */
    .long __kiln_load_start             /* load_addr: file offset 0       */
    .long __kiln_load_end               /* load_end_addr: end of .data    */
    .long __kiln_image_end              /* bss_end_addr: zeroed up to     */
    .long kiln_virtio_entry32           /* entry_addr                     */

/* ---- PVH note ------------------------------------------------------ */

    /*
     * The descriptor is 8 bytes: QEMU reads it as a pointer-sized value
     * in a 64-bit ELF file. 4-byte aligned, as its PT_NOTE (QEMU aligns
     * the name by the segment's alignment).
     */
    .section .note.kiln.pvh, "a", @note
    .balign 4
    .long 4                             /* n_namesz: "Xen\0"              */
    .long 8                             /* n_descsz                       */
    .long XEN_ELFNOTE_PHYS32_ENTRY
    .asciz "Xen"
    .quad kiln_virtio_entry32

/* ---- 32-bit entry -------------------------------------------------- */

    .section .text.kiln_entry32, "ax", @progbits
    .code32
    .global kiln_virtio_entry32
kiln_virtio_entry32:
    cli
    cld
    /* Keep the loader's eax and ebx (cpuid clobbers them) for C. */
    movl %eax, %edi
    movl %ebx, %esi

    /* Long mode, or say why not: there is nothing else to fall back to. */
    movl $0x80000000, %eax
    cpuid
    cmpl $0x80000001, %eax
    jb no_long_mode
    movl $0x80000001, %eax
    cpuid
    btl $29, %edx
    jnc no_long_mode

    /*
     * Identity map 0-4 GiB: PML4[0] -> PDPT, PDPT[0..3] -> four PDs of 512
     * 2 MiB pages. The tables are in .bss, which the loader zeroed; only
     * the entries set here are non-zero.
     */
    movl $__kiln_boot_pd, %ebx
    movl $(PTE_P | PTE_RW | PTE_PS), %eax
    movl $2048, %ecx
1:  movl %eax, (%ebx)
    addl $0x200000, %eax
    addl $8, %ebx
    loop 1b
    movl $__kiln_boot_pd + (PTE_P | PTE_RW), %eax
    movl %eax, __kiln_boot_pdpt
    addl $4096, %eax
    movl %eax, __kiln_boot_pdpt + 8
    addl $4096, %eax
    movl %eax, __kiln_boot_pdpt + 16
    addl $4096, %eax
    movl %eax, __kiln_boot_pdpt + 24
    movl $__kiln_boot_pdpt + (PTE_P | PTE_RW), %eax
    movl %eax, __kiln_boot_pml4

    movl %cr4, %eax
    orl $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
    movl %eax, %cr4
    movl $__kiln_boot_pml4, %eax
    movl %eax, %cr3
    movl $MSR_EFER, %ecx
    rdmsr
    orl $EFER_LME, %eax
    wrmsr
    /* As hvt's tender sets it: no EM, TS, CD or NW; WP so text is read-only. */
    movl $(CR0_PE | CR0_NE | CR0_WP | CR0_PG), %eax
    movl %eax, %cr0

    /* Compatibility mode now; the 64-bit code segment makes it long mode. */
    lgdt __kiln_gdt_descriptor
    ljmp $GDT_CODE64, $entry64

    /* Print on COM1 without waiting (QEMU's UART never backs up), stop. */
no_long_mode:
    movl $no_long_mode_msg, %ebx
    movw $COM1, %dx
2:  movb (%ebx), %al
    testb %al, %al
    jz 3f
    outb %al, %dx
    incl %ebx
    jmp 2b
3:  movb $1, %al                        /* KILN_EXIT_TENDER_ERROR         */
    movw $KILN_STATUS_PORT, %dx
    outb %al, %dx
    movl $1, %eax
    movw $DEBUG_EXIT_PORT, %dx
    outl %eax, %dx
4:  hlt
    jmp 4b

/* ---- 64-bit ---------------------------------------------------------- */

    .code64
entry64:
    movl $GDT_DATA, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %ss
    xorl %eax, %eax
    movl %eax, %fs                      /* bases come from MSRs           */
    movl %eax, %gs
    movq $__kiln_boot_stack_top, %rsp
    xorl %ebp, %ebp
    /* The loader may have left the x87 unit in its reset state. */
    fninit
    /* Zero-extend: the upper halves are undefined after the switch. */
    movl %edi, %edi
    movl %esi, %esi
    call virtio_start
5:  cli
    hlt
    jmp 5b

    .section .rodata.kiln_entry32, "a", @progbits
no_long_mode_msg:
    .ascii "kiln: virtio: this CPU has no 64-bit long mode; boot the image"
    .asciz " on an x86_64 CPU (qemu-system-x86_64)\n"

/* ---- Boot page tables and stack ------------------------------------ */

    .section .bss.kiln_boot_tables, "aw", @nobits
    .balign 4096
    .global __kiln_boot_pml4, __kiln_boot_pdpt, __kiln_boot_pd
__kiln_boot_pml4:
    .space 4096
__kiln_boot_pdpt:
    .space 4096
__kiln_boot_pd:
    .space 4 * 4096

    .section .bss.kiln_boot_stack, "aw", @nobits
    .balign 16
    .space BOOT_STACK_SIZE
__kiln_boot_stack_top:

    .section .note.GNU-stack, "", @progbits
