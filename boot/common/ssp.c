/*
 * Kiln boot shim: the stack protector's canary and its failure handler.
 *
 * The shim is compiled with -mstack-protector-guard=global, so its canary is
 * this variable, which works before TLS is set up. Each platform's _start
 * stores a fresh value with kiln_ssp_canary() before it calls any function
 * built with the protector; TLS blocks carry a copy at %fs:0x28 for code
 * built with the default guard (see KILN_TCB_CANARY_OFFSET).
 */
#include "boot.h"
#include "kiln/entropy.h"

/*
 * Initialised (not zero), so it lives in .data: this also guarantees that the
 * image's data segment has file contents, so a tender's loader (which skips
 * segments without any) zeroes the bss that follows it.
 */
uintptr_t __stack_chk_guard = 0x00c0ffee0d0a0a00UL;

uintptr_t kiln_ssp_canary(void)
{
    uint64_t v;

    /* The cycle counter's value when the CPU has no generator: still fresh. */
    (void)kiln_entropy64(&v);
    /* A zero low byte stops string functions from reading or writing it. */
    return (uintptr_t)(v & ~(uint64_t)0xff);
}

void __stack_chk_fail(void) __attribute__((noreturn));
void __stack_chk_fail(void)
{
    kiln_puts("kiln: stack smashing detected\n");
    /* #0: the end of the function whose canary was overwritten. */
    KILN_BACKTRACE_FROM_CALLER();
    platform_halt(KILN_EXIT_ABORT, NULL);
}
