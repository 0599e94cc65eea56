#include <time.h>

/* In RUNTIME_FPU_SOURCES: it returns a double. */
double difftime(time_t t1, time_t t0)
{
	return (double)(t1 - t0);
}
