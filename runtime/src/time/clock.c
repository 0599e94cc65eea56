#include <time.h>
#include "internal/platform.h"

/* Processor time in microseconds. The unikernel owns its one vCPU, so this
 * is the monotonic clock, measured from the first call to clock(). */
clock_t clock(void)
{
	static uint64_t start;
	uint64_t now = solo5_clock_monotonic();

	if (!start)
		start = now;
	return (clock_t)((now - start) / 1000u);
}
