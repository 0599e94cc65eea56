#include <string.h>

void *memccpy(void *restrict d, const void *restrict s, int c, size_t n)
{
	const unsigned char *e = memchr(s, c, n);

	if (e) {
		size_t k = (size_t)(e - (const unsigned char *)s) + 1;
		memcpy(d, s, k);
		return (unsigned char *)d + k;
	}
	memcpy(d, s, n);
	return NULL;
}
