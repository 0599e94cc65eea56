#include <limits.h>
#include <stdlib.h>
#include "internal/intscan.h"

long strtol(const char *restrict s, char **restrict end, int base)
{
	return (long)__intscan(s, end, base, LONG_MAX, 1);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return (unsigned long)__intscan(s, end, base, ULONG_MAX, 0);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return (long long)__intscan(s, end, base, LLONG_MAX, 1);
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	return __intscan(s, end, base, ULLONG_MAX, 0);
}
