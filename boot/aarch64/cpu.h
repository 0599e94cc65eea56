/*
 * Kiln boot shim, aarch64: system registers and barriers, for the guest
 * shim at EL1 (boot/aarch64, boot/virtio's virt board).
 */
#ifndef KILN_AARCH64_CPU_H
#define KILN_AARCH64_CPU_H

#include <stdint.h>

#define cpu_read_sysreg(name)                                                  \
    ({                                                                         \
        uint64_t v_;                                                           \
        __asm__ __volatile__("mrs %0, " #name : "=r"(v_));                     \
        v_;                                                                    \
    })

#define cpu_write_sysreg(name, v)                                              \
    __asm__ __volatile__("msr " #name ", %0" : : "r"((uint64_t)(v)) : "memory")

static inline void cpu_isb(void)
{
    __asm__ __volatile__("isb" : : : "memory");
}

/* Full-system barrier: orders memory and device accesses both ways. */
static inline void cpu_dsb_sy(void)
{
    __asm__ __volatile__("dsb sy" : : : "memory");
}

/* The counter's ticks, CNTVCT_EL0, ordered after what came before it. */
static inline uint64_t cpu_counter(void)
{
    cpu_isb();
    return cpu_read_sysreg(cntvct_el0);
}

/* Its frequency in Hz (CNTFRQ_EL0, set by the firmware or QEMU). */
static inline uint64_t cpu_counter_hz(void)
{
    return cpu_read_sysreg(cntfrq_el0);
}

/* A hint for a spinning loop (x86's pause). */
static inline void cpu_pause(void)
{
    __asm__ __volatile__("yield" ::: "memory");
}

static inline void cpu_halt_forever(void) __attribute__((noreturn));
static inline void cpu_halt_forever(void)
{
    for (;;)
        __asm__ __volatile__("wfi");
}

#endif /* KILN_AARCH64_CPU_H */
