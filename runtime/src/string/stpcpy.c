#include <string.h>
#include "internal/word.h"

char *stpcpy(char *restrict d, const char *restrict s)
{
	/* Word at a time while the source is aligned and has no terminator. */
	if (((uintptr_t)d & 7) == ((uintptr_t)s & 7)) {
		for (; (uintptr_t)s & 7; s++, d++)
			if (!(*d = *s))
				return d;
		for (; !__word_haszero(*(const __word_t *)s); s += 8, d += 8)
			*(__word_t *)d = *(const __word_t *)s;
	}
	while ((*d = *s))
		d++, s++;
	return d;
}
