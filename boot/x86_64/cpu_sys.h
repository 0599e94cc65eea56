/*
 * Kiln boot shim, x86_64: the privileged instructions of the platforms whose
 * guest runs in ring 0 (hvt, virtio): port I/O, MSRs, control registers.
 * spt's guest is a host process and must not include this.
 */
#ifndef KILN_X86_64_CPU_SYS_H
#define KILN_X86_64_CPU_SYS_H

#include <stdint.h>

#define MSR_EFER 0xc0000080U    /* extended features: LME, NXE         */
#define MSR_FS_BASE 0xc0000100U /* base of %fs, the thread pointer      */
#define EFER_NXE (1U << 11)     /* page-table bit 63 means no-execute   */

static inline void cpu_outb(uint16_t port, uint8_t v)
{
    __asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cpu_outw(uint16_t port, uint16_t v)
{
    __asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cpu_outl(uint16_t port, uint32_t v)
{
    __asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t cpu_inb(uint16_t port)
{
    uint8_t v;
    __asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint16_t cpu_inw(uint16_t port)
{
    uint16_t v;
    __asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint32_t cpu_inl(uint16_t port)
{
    uint32_t v;
    __asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint64_t cpu_rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void cpu_wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ __volatile__("wrmsr"
                         :
                         : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
                         : "memory");
}

/* Load new page tables; also flushes every non-global TLB entry. */
static inline void cpu_write_cr3(uint64_t v)
{
    __asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

/* Stop for good: no interrupt is ever enabled, so hlt does not return. */
static inline __attribute__((noreturn)) void cpu_halt_forever(void)
{
    for (;;)
        __asm__ __volatile__("cli; hlt");
}

#endif /* KILN_X86_64_CPU_SYS_H */
