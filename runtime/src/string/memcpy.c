#include <string.h>
#include "internal/word.h"

/* Small copies with (possibly overlapping) word moves; large ones with
 * rep movsb, which modern x86 CPUs run at full cache bandwidth without
 * SSE registers (the runtime core must not use them). */
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
	if (n <= 128) {
		/* n > 16: whole words, then one overlapping word for the tail. */
		size_t i;
		uint64_t tail = __word_load(s + n - 8);
		for (i = 0; i + 8 < n; i += 8)
			__word_store(d + i, __word_load(s + i));
		__word_store(d + n - 8, tail);
		return dest;
	}
#if defined(__x86_64__)
	__asm__ volatile("rep movsb"
			 : "+D"(d), "+S"(s), "+c"(n)
			 :
			 : "memory");
#else
	while (n >= 8) {
		__word_store(d, __word_load(s));
		d += 8, s += 8, n -= 8;
	}
	while (n--)
		*d++ = *s++;
#endif
	return dest;
}
