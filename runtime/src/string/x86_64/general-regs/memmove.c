#include <string.h>
#include "internal/mem_small.h"

/* x86_64 memmove without the vector unit (RUNTIME_STRING_GENERAL_REGS). */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dest;
	/* Destination below the source, or no overlap: a forward copy reads
	 * every byte before it is overwritten. rep movsb keeps byte-by-byte
	 * semantics for overlapping operands. */
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		if (d + n <= s || s + n <= d)
			return memcpy(d, s, n);
		__asm__ volatile("rep movsb"
				 : "+D"(d), "+S"(s), "+c"(n)
				 :
				 : "memory");
		return dest;
	}
	/* Destination above the source and overlapping. */
	__mem_move_backward(d, s, n);
	return dest;
}
