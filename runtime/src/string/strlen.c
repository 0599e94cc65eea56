#include <string.h>
#include "internal/word.h"

size_t strlen(const char *str)
{
	const char *s = str;
	const __word_t *w;

	for (; (uintptr_t)s & 7; s++)
		if (!*s)
			return (size_t)(s - str);
	for (w = (const __word_t *)s; !__word_haszero(*w); w++)
		;
	/* The lowest flagged byte of the word is the terminator. */
	s = (const char *)w + (__builtin_ctzll(__word_haszero(*w)) >> 3);
	return (size_t)(s - str);
}
