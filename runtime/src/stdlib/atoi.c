#include <stdlib.h>

/* atoi & co. have undefined behaviour on overflow; strtol's clamping is a
 * fine answer for it. */
int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
