#include <string.h>

/* C locale: the transformed string is the string itself. */
size_t strxfrm(char *restrict d, const char *restrict s, size_t n)
{
	size_t len = strlen(s);

	if (len < n)
		memcpy(d, s, len + 1);
	return len;
}

size_t strxfrm_l(char *restrict d, const char *restrict s, size_t n, locale_t loc)
{
	(void)loc;
	return strxfrm(d, s, n);
}
