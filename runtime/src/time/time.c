#include <time.h>
#include "internal/platform.h"

time_t time(time_t *t)
{
	time_t now = (time_t)(solo5_clock_wall() / 1000000000u);

	if (t)
		*t = now;
	return now;
}

int timespec_get(struct timespec *ts, int base)
{
	if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts))
		return 0;
	return base;
}
