#include <string.h>

char *strstr(const char *h, const char *n)
{
	size_t nl = strlen(n);

	if (!nl)
		return (char *)h;
	h = strchr(h, *n);
	if (!h || nl == 1)
		return (char *)h;
	return memmem(h, strlen(h), n, nl);
}
