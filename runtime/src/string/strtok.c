#include <string.h>

char *strtok(char *restrict s, const char *restrict sep)
{
	static char *saved;
	return strtok_r(s, sep, &saved);
}
