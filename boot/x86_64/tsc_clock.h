/*
 * Kiln boot shim, x86_64: a monotonic clock from the TSC, for the platforms
 * whose guest reads the TSC directly (hvt, virtio).
 *
 * ns = ticks * mult / 2^32 with mult = 10^9 * 2^32 / tsc_hz, computed once
 * with one integer division. The product is formed in 128 bits (one MUL),
 * so it cannot overflow for any tick count, and there is no floating point
 * (the shim has no SSE). mult's rounding error is below
 * 2^32 / (10^9 * 2^32 / tsc_hz), about 1 ns per second at 3 GHz.
 */
#ifndef KILN_X86_64_TSC_CLOCK_H
#define KILN_X86_64_TSC_CLOCK_H

#include <stdint.h>
#include "cpu.h"

struct tsc_clock {
    uint64_t at_boot; /* the TSC when the clock started: time 0 */
    uint64_t mult;    /* ns per tick, 32.32 fixed point; 0 until set */
};

/* Start counting: ticks from now on are time since boot. */
static inline void tsc_clock_start(struct tsc_clock *c)
{
    c->at_boot = cpu_rdtsc();
}

/* The TSC's frequency, in Hz (not 0). */
static inline void tsc_clock_set_hz(struct tsc_clock *c, uint64_t hz)
{
    c->mult = (1000000000ULL << 32) / hz;
}

/* Nanoseconds since tsc_clock_start. */
static inline uint64_t tsc_clock_ns(const struct tsc_clock *c)
{
    uint64_t ticks = cpu_rdtsc() - c->at_boot;
    return (uint64_t)(((unsigned __int128)ticks * c->mult) >> 32);
}

#endif /* KILN_X86_64_TSC_CLOCK_H */
