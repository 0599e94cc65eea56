/*
 * Kiln boot shim, x86_64: the unprivileged instructions the shim needs, as
 * inline functions. All of them run in ring 3 too (spt runs them natively);
 * the privileged ones (port I/O, MSRs, control registers) are cpu_sys.h's.
 */
#ifndef KILN_X86_64_CPU_H
#define KILN_X86_64_CPU_H

#include <stdint.h>

static inline uint64_t cpu_rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* CPUID leaf with sub-leaf 0 (the sub-leaf only matters for a few leaves). */
static inline void cpu_cpuid(uint32_t leaf, uint32_t *a, uint32_t *b,
                             uint32_t *c, uint32_t *d)
{
    __asm__ __volatile__("cpuid"
                         : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
                         : "a"(leaf), "c"(0));
}

/* CPUID.1:ECX bit 30: the RDRAND instruction exists. */
#define CPUID_1_ECX_RDRAND (1U << 30)
/* CPUID.1:ECX bit 31: running under a hypervisor (leaves 0x40000000+). */
#define CPUID_1_ECX_HYPERVISOR (1U << 31)
/* CPUID.(7,0):EBX bit 18: the RDSEED instruction exists. */
#define CPUID_7_EBX_RDSEED (1U << 18)

/* One RDRAND; returns 0 when the CPU had no random number ready. */
static inline int cpu_rdrand64(uint64_t *out)
{
    unsigned char ok;
    __asm__ __volatile__("rdrand %0; setc %1" : "=r"(*out), "=qm"(ok) : : "cc");
    return ok;
}

/* One RDSEED; returns 0 when the entropy source had nothing ready. */
static inline int cpu_rdseed64(uint64_t *out)
{
    unsigned char ok;
    __asm__ __volatile__("rdseed %0; setc %1" : "=r"(*out), "=qm"(ok) : : "cc");
    return ok;
}

/* The spin-wait hint: lets a hyperthread sibling (or the host) run. */
static inline void cpu_pause(void)
{
    __asm__ __volatile__("pause" ::: "memory");
}

#endif /* KILN_X86_64_CPU_H */
