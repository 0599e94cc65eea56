#include <string.h>
#include "fortify/chk_fail.h"

void *__memcpy_chk(void *restrict d, const void *restrict s, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("memcpy");
	return memcpy(d, s, n);
}

void *__memmove_chk(void *d, const void *s, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("memmove");
	return memmove(d, s, n);
}

void *__mempcpy_chk(void *restrict d, const void *restrict s, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("mempcpy");
	return mempcpy(d, s, n);
}

void *__memset_chk(void *d, int c, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("memset");
	return memset(d, c, n);
}

void __explicit_bzero_chk(void *d, size_t n, size_t dsize)
{
	if (n > dsize)
		__chk_fail("explicit_bzero");
	explicit_bzero(d, n);
}
