/*
 * Kiln boot shim, hvt: the clocks.
 *
 * Monotonic time is the TSC scaled to nanoseconds (x86_64/tsc_clock.h), at
 * the frequency the tender measured. Wall-clock time costs a WALLTIME
 * hypercall once, on the first call (common/wall_clock.c); boot does not
 * pay for it.
 */
#include "hvt.h"
#include "tsc_clock.h"

static struct tsc_clock tsc;

void hvt_clock_init(uint64_t tsc_hz)
{
    if (tsc_hz == 0)
        kiln_fatal("hvt: the tender gave a TSC frequency of 0 Hz;"
                   " the monotonic clock cannot run");
    tsc_clock_set_hz(&tsc, tsc_hz);
    tsc_clock_start(&tsc);
}

solo5_time_t solo5_clock_monotonic(void)
{
    return tsc_clock_ns(&tsc);
}

static uint64_t walltime_hypercall(void)
{
    struct hvt_hc_walltime wt = {.nsecs = 0};
    hvt_do_hypercall(HVT_HYPERCALL_WALLTIME, &wt);
    return wt.nsecs;
}

solo5_time_t solo5_clock_wall(void)
{
    return kiln_wall_clock_from(walltime_hypercall);
}
