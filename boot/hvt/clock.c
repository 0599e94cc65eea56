/*
 * Kiln boot shim, hvt: the clocks.
 *
 * Monotonic time is the TSC scaled to nanoseconds: ns = ticks * mult / 2^32
 * with mult = 10^9 * 2^32 / tsc_hz, computed once with one integer division.
 * The product is formed in 128 bits (one MUL), so it cannot overflow for any
 * tick count, and there is no floating point (the shim has no SSE). mult's
 * rounding error is below 2^32 / (10^9 * 2^32 / tsc_hz), about 1 ns per
 * second at 3 GHz.
 *
 * Wall-clock time costs a WALLTIME hypercall once, on the first call; later
 * calls add the monotonic time elapsed since. Boot does not pay for it.
 */
#include "hvt.h"
#include "cpu.h"

#define NSEC_PER_SEC 1000000000ULL

static uint64_t tsc_at_boot;
static uint64_t tsc_mult; /* ns per tick, 32.32 fixed point */

void hvt_clock_init(uint64_t tsc_hz)
{
    if (tsc_hz == 0)
        kiln_fatal("hvt: the tender gave a TSC frequency of 0 Hz;"
                   " the monotonic clock cannot run");
    tsc_mult = (NSEC_PER_SEC << 32) / tsc_hz;
    tsc_at_boot = cpu_rdtsc();
}

solo5_time_t solo5_clock_monotonic(void)
{
    uint64_t ticks = cpu_rdtsc() - tsc_at_boot;
    return (solo5_time_t)(((unsigned __int128)ticks * tsc_mult) >> 32);
}

solo5_time_t solo5_clock_wall(void)
{
    static uint64_t wall_at_sync, mono_at_sync;
    static int synced;

    if (!synced) {
        struct hvt_hc_walltime wt = {.nsecs = 0};
        hvt_do_hypercall(HVT_HYPERCALL_WALLTIME, &wt);
        mono_at_sync = solo5_clock_monotonic();
        wall_at_sync = wt.nsecs;
        synced = 1;
        return wall_at_sync;
    }
    return wall_at_sync + (solo5_clock_monotonic() - mono_at_sync);
}
