#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *l, const char *r)
{
	const unsigned char *a = (const void *)l, *b = (const void *)r;

	for (; *a && (*a == *b || tolower(*a) == tolower(*b)); a++, b++)
		;
	return tolower(*a) - tolower(*b);
}

int strcasecmp_l(const char *l, const char *r, locale_t loc)
{
	(void)loc;
	return strcasecmp(l, r);
}
