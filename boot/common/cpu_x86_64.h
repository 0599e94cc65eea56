/*
 * Kiln boot shim: the few x86_64 instructions the shim needs, as inline
 * functions. All of them run unprivileged too (spt runs them natively).
 */
#ifndef KILN_CPU_X86_64_H
#define KILN_CPU_X86_64_H

#include <stdint.h>

static inline uint64_t cpu_rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline void cpu_cpuid(uint32_t leaf, uint32_t *a, uint32_t *b,
                             uint32_t *c, uint32_t *d)
{
    __asm__ __volatile__("cpuid"
                         : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
                         : "a"(leaf), "c"(0));
}

/* CPUID.1:ECX bit 30: the RDRAND instruction exists. */
#define CPUID_1_ECX_RDRAND (1U << 30)

/* One RDRAND; returns 0 when the CPU had no random number ready. */
static inline int cpu_rdrand64(uint64_t *out)
{
    unsigned char ok;
    __asm__ __volatile__("rdrand %0; setc %1" : "=r"(*out), "=qm"(ok) : : "cc");
    return ok;
}

#endif /* KILN_CPU_X86_64_H */
