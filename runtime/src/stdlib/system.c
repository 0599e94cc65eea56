#include <stdlib.h>

/* No command processor: system(NULL) says so, any command fails. */
int system(const char *cmd)
{
	return cmd ? -1 : 0;
}
