#include <string.h>
#include "fortify/chk_fail.h"

char *__strcpy_chk(char *restrict d, const char *restrict s, size_t dsize)
{
	size_t n = strlen(s);

	if (n >= dsize)
		__chk_fail("strcpy");
	return memcpy(d, s, n + 1);
}

char *__stpcpy_chk(char *restrict d, const char *restrict s, size_t dsize)
{
	size_t n = strlen(s);

	if (n >= dsize)
		__chk_fail("stpcpy");
	memcpy(d, s, n + 1);
	return d + n;
}

char *__strncpy_chk(char *restrict d, const char *restrict s, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("strncpy");
	return strncpy(d, s, n);
}

char *__stpncpy_chk(char *restrict d, const char *restrict s, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("stpncpy");
	return stpncpy(d, s, n);
}
