/*
 * Kiln boot shim, x86_64: what the shared x86_64 guest code (boot/x86_64)
 * provides the platforms whose guest runs in ring 0 (hvt, virtio).
 */
#ifndef KILN_X86_64_H
#define KILN_X86_64_H

/*
 * Load the guest's GDT, IDT and TSS (cpu_tables.S): CPU exceptions then
 * print the trap and the registers and stop with KILN_EXIT_GUEST_FAULT
 * (trap.c). Needs the console (platform_puts) to work from then on.
 */
void x86_trap_init(void);

/*
 * The linker script's symbols for the tables (it computes their split
 * addresses): the GDT's lgdt operand, usable from 32-bit code too (its base
 * fits in 32 bits).
 */
extern const char __kiln_gdt_descriptor[], __kiln_idt_descriptor[];

#endif /* KILN_X86_64_H */
