#include <string.h>
#include "internal/word.h"

void *memchr(const void *src, int c, size_t n)
{
	const unsigned char *s = src;
	unsigned char ch = (unsigned char)c;
	uint64_t pat = ch * __WORD_ONES;

	for (; ((uintptr_t)s & 7) && n; s++, n--)
		if (*s == ch)
			return (void *)s;
	for (; n >= 8; s += 8, n -= 8)
		if (__word_haszero(*(const __word_t *)s ^ pat))
			break;
	for (; n; s++, n--)
		if (*s == ch)
			return (void *)s;
	return NULL;
}
