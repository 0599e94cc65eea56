#include <string.h>
#include <strings.h>

char *strcasestr(const char *h, const char *n)
{
	size_t nl = strlen(n);

	for (; *h; h++)
		if (!strncasecmp(h, n, nl))
			return (char *)h;
	return nl ? NULL : (char *)h;
}
