#include <string.h>
#include "internal/word.h"

/* Word at a time without SSE: align to 8 bytes, then to 32, then test
 * four words per step. An aligned block never crosses a page, so reading
 * past the terminator inside it cannot fault. */
size_t strlen(const char *str)
{
	const char *s = str;
	const __word_t *w;
	uint64_t z;

	for (; (uintptr_t)s & 7; s++)
		if (!*s)
			return (size_t)(s - str);
	w = (const __word_t *)s;
	for (; (uintptr_t)w & 31; w++)
		if ((z = __word_haszero(*w)))
			goto found;
	for (;; w += 4) {
		uint64_t a = w[0], b = w[1], c = w[2], d = w[3];
		if (__word_haszero(a) | __word_haszero(b) | __word_haszero(c) | __word_haszero(d))
			break;
	}
	for (; !(z = __word_haszero(*w)); w++)
		;
found:
	/* The lowest flagged byte of the word is the terminator. */
	return (size_t)((const char *)w + (__builtin_ctzll(z) >> 3) - str);
}
