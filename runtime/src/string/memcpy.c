#include <string.h>
#include "internal/word.h"

/* Portable memcpy: small copies with (possibly overlapping) word moves,
 * large ones a word at a time. The architectures' own versions replace it
 * (string/<arch>/, see runtime/runtime.mk). */
void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (n <= 16) {
		if (n >= 8) {
			uint64_t a = __word_load(s), b = __word_load(s + n - 8);
			__word_store(d, a);
			__word_store(d + n - 8, b);
		} else if (n >= 4) {
			uint32_t a = __word32_load(s), b = __word32_load(s + n - 4);
			__word32_store(d, a);
			__word32_store(d + n - 4, b);
		} else if (n) {
			unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
			d[0] = a;
			d[n / 2] = b;
			d[n - 1] = c;
		}
		return dest;
	}
	if (n <= 32) {
		uint64_t a = __word_load(s), b = __word_load(s + 8);
		uint64_t c = __word_load(s + n - 16), e = __word_load(s + n - 8);
		__word_store(d, a);
		__word_store(d + 8, b);
		__word_store(d + n - 16, c);
		__word_store(d + n - 8, e);
		return dest;
	}
	if (n <= 256) {
		/* 32 bytes per step, then the last 32 bytes (overlapping) for
		 * the tail: below ~256 bytes this beats rep movsb's start-up. */
		size_t i;
		uint64_t t0 = __word_load(s + n - 32), t1 = __word_load(s + n - 24);
		uint64_t t2 = __word_load(s + n - 16), t3 = __word_load(s + n - 8);
		for (i = 0; i + 32 < n; i += 32) {
			uint64_t a = __word_load(s + i), b = __word_load(s + i + 8);
			uint64_t c = __word_load(s + i + 16), e = __word_load(s + i + 24);
			__word_store(d + i, a);
			__word_store(d + i + 8, b);
			__word_store(d + i + 16, c);
			__word_store(d + i + 24, e);
		}
		__word_store(d + n - 32, t0);
		__word_store(d + n - 24, t1);
		__word_store(d + n - 16, t2);
		__word_store(d + n - 8, t3);
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
