#include <sys/time.h>
#include "internal/platform.h"

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	uint64_t ns = solo5_clock_wall();

	(void)tz;
	if (tv) {
		tv->tv_sec = (time_t)(ns / 1000000000u);
		tv->tv_usec = (suseconds_t)(ns / 1000u % 1000000u);
	}
	return 0;
}
