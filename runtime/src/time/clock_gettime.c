#include <errno.h>
#include <time.h>
#include "internal/platform.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ns = solo5_clock_wall();
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	/* One vCPU that the unikernel owns: CPU time is elapsed time. */
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		ns = solo5_clock_monotonic();
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
	return 0;
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	if (clk < CLOCK_REALTIME || clk > CLOCK_BOOTTIME) {
		errno = EINVAL;
		return -1;
	}
	if (ts) {
		ts->tv_sec = 0;
		ts->tv_nsec = 1;
	}
	return 0;
}
