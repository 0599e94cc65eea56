#include <string.h>
#include "internal/word.h"

void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	uint64_t w = (unsigned char)c * __WORD_ONES;

	if (n <= 16) {
		if (n >= 8) {
			__word_store(d, w);
			__word_store(d + n - 8, w);
		} else if (n >= 4) {
			__word32_store(d, (uint32_t)w);
			__word32_store(d + n - 4, (uint32_t)w);
		} else if (n) {
			d[0] = (unsigned char)c;
			d[n / 2] = (unsigned char)c;
			d[n - 1] = (unsigned char)c;
		}
		return dest;
	}
	if (n <= 32) {
		__word_store(d, w);
		__word_store(d + 8, w);
		__word_store(d + n - 16, w);
		__word_store(d + n - 8, w);
		return dest;
	}
	if (n <= 1024) {
		/* 32 bytes per step, the tail as one overlapping 32-byte store:
		 * below ~1 KiB this beats rep stosb's start-up. */
		size_t i;
		for (i = 0; i + 32 < n; i += 32) {
			__word_store(d + i, w);
			__word_store(d + i + 8, w);
			__word_store(d + i + 16, w);
			__word_store(d + i + 24, w);
		}
		__word_store(d + n - 32, w);
		__word_store(d + n - 24, w);
		__word_store(d + n - 16, w);
		__word_store(d + n - 8, w);
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
