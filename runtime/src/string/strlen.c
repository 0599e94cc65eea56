#include <string.h>
#include "internal/word.h"

/* Word at a time without SSE. Every load is of an aligned word (or an
 * aligned 32-byte block), which never crosses a page, so reading past the
 * terminator cannot fault. */
size_t strlen(const char *str)
{
	unsigned off = (uintptr_t)str & 7;
	const __word_t *w = (const __word_t *)((uintptr_t)str - off);
	/* The bytes of the first word before str are forced non-zero. */
	uint64_t z = __word_haszero(*w | (((uint64_t)1 << (off * 8)) - 1));

	if (z)
		goto found;
	for (w++; (uintptr_t)w & 31; w++)
		if ((z = __word_haszero(*w)))
			goto found;
	for (;; w += 4) {
		uint64_t a = w[0], b = w[1], c = w[2], d = w[3];
		if (__word_haszero(a) | __word_haszero(b) | __word_haszero(c) | __word_haszero(d))
			break;
	}
	while (!(z = __word_haszero(*w)))
		w++;
found:
	/* The lowest flagged byte of the word is the terminator. */
	return (size_t)((const char *)w + (__builtin_ctzll(z) >> 3) - str);
}
