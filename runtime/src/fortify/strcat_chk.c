#include <string.h>
#include "fortify/chk_fail.h"

char *__strcat_chk(char *restrict d, const char *restrict s, size_t dsize)
{
	size_t dl = strlen(d), sl = strlen(s);

	if (dl + sl >= dsize)
		__chk_fail("strcat");
	memcpy(d + dl, s, sl + 1);
	return d;
}

char *__strncat_chk(char *restrict d, const char *restrict s, size_t n, size_t dsize)
{
	size_t dl = strlen(d), sl = strnlen(s, n);

	if (dl + sl >= dsize)
		__chk_fail("strncat");
	memcpy(d + dl, s, sl);
	d[dl + sl] = '\0';
	return d;
}
