#include <string.h>
#include "internal/word.h"

int memcmp(const void *vl, const void *vr, size_t n)
{
	const unsigned char *l = vl, *r = vr;

	/* Skip equal words; the first differing one decides, compared as
	 * big-endian so the lowest-addressed byte is the most significant. */
	while (n >= 8) {
		uint64_t a = __word_load(l), b = __word_load(r);
		if (a != b) {
			a = __builtin_bswap64(a);
			b = __builtin_bswap64(b);
			return a < b ? -1 : 1;
		}
		l += 8, r += 8, n -= 8;
	}
	for (; n; n--, l++, r++)
		if (*l != *r)
			return *l - *r;
	return 0;
}
