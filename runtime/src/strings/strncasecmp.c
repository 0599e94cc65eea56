#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *l, const char *r, size_t n)
{
	const unsigned char *a = (const void *)l, *b = (const void *)r;

	if (!n)
		return 0;
	for (; --n && *a && (*a == *b || tolower(*a) == tolower(*b)); a++, b++)
		;
	return tolower(*a) - tolower(*b);
}

int strncasecmp_l(const char *l, const char *r, size_t n, locale_t loc)
{
	(void)loc;
	return strncasecmp(l, r, n);
}
