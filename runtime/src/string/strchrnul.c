#include <string.h>
#include "internal/word.h"

char *strchrnul(const char *s, int c)
{
	unsigned char ch = (unsigned char)c;
	uint64_t pat = ch * __WORD_ONES;
	const __word_t *w;

	if (!ch)
		return (char *)s + strlen(s);
	for (; (uintptr_t)s & 7; s++)
		if (!*s || *(const unsigned char *)s == ch)
			return (char *)s;
	for (w = (const void *)s; !__word_haszero(*w) && !__word_haszero(*w ^ pat); w++)
		;
	for (s = (const void *)w; *s && *(const unsigned char *)s != ch; s++)
		;
	return (char *)s;
}
