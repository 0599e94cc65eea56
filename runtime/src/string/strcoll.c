#include <string.h>

/* Only the C locale exists: collation is byte order. */
int strcoll(const char *l, const char *r)
{
	return strcmp(l, r);
}

int strcoll_l(const char *l, const char *r, locale_t loc)
{
	(void)loc;
	return strcmp(l, r);
}
