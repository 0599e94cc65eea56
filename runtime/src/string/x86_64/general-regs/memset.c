#include <string.h>
#include "internal/mem_small.h"

/* x86_64 memset without the vector unit (RUNTIME_STRING_GENERAL_REGS):
 * word stores, rep stosq above 1 KiB. */
void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	uint64_t w = (unsigned char)c * __WORD_ONES;

	if (n <= 1024) {
		__mem_fill_upto1024(d, c, w, n);
		return dest;
	}
	{
		/* As memcpy: align with one word, rep stosq, overlapping tail
		 * (quadwords: 8x fewer iterations where rep is emulated). */
		size_t skip = 8 - ((uintptr_t)d & 7), q;
		unsigned char *end = d + n;

		__word_store(d, w);
		d += skip, n -= skip;
		q = n / 8;
		__asm__ volatile("rep stosq"
				 : "+D"(d), "+c"(q)
				 : "a"(w)
				 : "memory");
		__word_store(end - 8, w);
	}
	return dest;
}
