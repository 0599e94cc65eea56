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
#include "cpu_x86_64.h"

/*
 * Initialised (not zero), so it lives in .data: this also guarantees that the
 * image's data segment has file contents, so a tender's loader (which skips
 * segments without any) zeroes the bss that follows it.
 */
uintptr_t __stack_chk_guard = 0x00c0ffee0d0a0a00UL;

uintptr_t kiln_ssp_canary(void)
{
    uint32_t a, b, c, d;
    uint64_t v = 0;

    cpu_cpuid(1, &a, &b, &c, &d);
    if (c & CPUID_1_ECX_RDRAND) {
        /* RDRAND may fail transiently; Intel advises 10 tries. */
        for (int i = 0; i < 10; i++)
            if (cpu_rdrand64(&v))
                break;
    }
    /*
     * Without RDRAND, or if it kept failing: the TSC (its low bits vary with
     * the host's scheduling) scrambled by a multiplicative hash so that all
     * bits depend on it.
     */
    v ^= cpu_rdtsc() * 0x9e3779b97f4a7c15ULL;
    v ^= v >> 29;
    /* A zero low byte stops string functions from reading or writing it. */
    return (uintptr_t)(v & ~(uint64_t)0xff);
}

void __stack_chk_fail(void) __attribute__((noreturn));
void __stack_chk_fail(void)
{
    kiln_puts("kiln: stack smashing detected\n");
    platform_halt(KILN_EXIT_ABORT, NULL);
}
