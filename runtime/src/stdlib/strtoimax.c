#include <inttypes.h>
#include "internal/intscan.h"

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return (intmax_t)__intscan(s, end, base, INTMAX_MAX, 1);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return (uintmax_t)__intscan(s, end, base, UINTMAX_MAX, 0);
}
