#include <string.h>
#include "internal/mem_small.h"

/* Portable memset: short lengths with (possibly overlapping) word stores,
 * long ones a word at a time. */
void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	uint64_t w = (unsigned char)c * __WORD_ONES;

	if (n <= 1024) {
		__mem_fill_upto1024(d, c, w, n);
		return dest;
	}
	while (n >= 8) {
		__word_store(d, w);
		d += 8, n -= 8;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dest;
}
