#include <string.h>

size_t strlcat(char *d, const char *s, size_t n)
{
	size_t used = strnlen(d, n);

	/* No terminator within n: nothing is appended (BSD semantics). */
	if (used == n)
		return n + strlen(s);
	return used + strlcpy(d + used, s, n - used);
}
