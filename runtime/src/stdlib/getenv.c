#include <stdlib.h>

/* A unikernel has no environment: every variable is unset. */
char *getenv(const char *name)
{
	(void)name;
	return NULL;
}
