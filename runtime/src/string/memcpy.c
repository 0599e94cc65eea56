#include <string.h>
#include "internal/mem_small.h"

/* Portable memcpy: small copies with (possibly overlapping) word moves,
 * large ones a word at a time. The architectures' own versions replace it
 * (string/<arch>/, see runtime/runtime.mk). */
void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (n <= 256) {
		__mem_copy_upto256(d, s, n);
		return dest;
	}
	while (n >= 8) {
		__word_store(d, __word_load(s));
		d += 8, s += 8, n -= 8;
	}
	while (n--)
		*d++ = *s++;
	return dest;
}
