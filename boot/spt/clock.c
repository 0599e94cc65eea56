/*
 * Kiln boot shim, spt: the clocks are the host's CLOCK_MONOTONIC and
 * CLOCK_REALTIME (raw system calls: the guest has no vDSO).
 *
 * Monotonic time is CLOCK_MONOTONIC itself, so solo5_yield can hand a
 * deadline to the timerfd as an absolute time.
 */
#include "spt.h"

#define NSEC_PER_SEC 1000000000ULL

static solo5_time_t clock_read(long clock)
{
    struct spt_timespec ts;

    if (spt_syscall3(SYS_clock_gettime, clock, (long)&ts, 0) != 0)
        kiln_fatal("spt: clock_gettime failed");
    return (solo5_time_t)ts.tv_sec * NSEC_PER_SEC + (solo5_time_t)ts.tv_nsec;
}

solo5_time_t solo5_clock_monotonic(void)
{
    return clock_read(SPT_CLOCK_MONOTONIC);
}

solo5_time_t solo5_clock_wall(void)
{
    return clock_read(SPT_CLOCK_REALTIME);
}
