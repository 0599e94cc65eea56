#include <time.h>

/* No time zones in a unikernel: local time is UTC. */
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;
	return gmtime_r(t, &tm);
}
