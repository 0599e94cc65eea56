#include <errno.h>
#include <time.h>
#include "time/time_impl.h"

/* Normalise tm in place and return its time; -1 (EOVERFLOW) when the
 * result is not representable. */
time_t timegm(struct tm *tm)
{
	long long t = __tm_to_secs(tm);
	struct tm n;

	if (__secs_to_tm(t, &n) < 0) {
		errno = EOVERFLOW;
		return -1;
	}
	*tm = n;
	return (time_t)t;
}

/* Local time is UTC; tm_isdst is ignored and comes back 0. */
time_t mktime(struct tm *tm)
{
	return timegm(tm);
}
