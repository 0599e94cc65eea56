/* Stream locks: the runtime is single-threaded, so there is nothing to
 * lock; the functions exist for code written for threads. */
#include "stdio_impl.h"

void flockfile(FILE *f)
{
	(void)f;
}

int ftrylockfile(FILE *f)
{
	(void)f;
	return 0;
}

void funlockfile(FILE *f)
{
	(void)f;
}
