#include <string.h>
#include "internal/mem_small.h"

/* x86_64 memcpy without the vector unit (RUNTIME_STRING_GENERAL_REGS):
 * small copies with (possibly overlapping) word moves; large ones with a
 * string instruction, which modern x86 CPUs run at full cache bandwidth
 * without SSE registers. */
void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (n <= 256) {
		__mem_copy_upto256(d, s, n);
		return dest;
	}
	{
		/* Align the destination with one word, move whole quadwords,
		 * then one overlapping word for the tail. rep movsq runs at full
		 * bandwidth like rep movsb on real CPUs, and where the string
		 * instruction is emulated per iteration (nested KVM without
		 * hardware assistance) it needs eight times fewer of them. */
		uint64_t head = __word_load(s), tail = __word_load(s + n - 8);
		size_t skip = 8 - ((uintptr_t)d & 7), q;
		unsigned char *end = d + n;

		__word_store(d, head);
		d += skip, s += skip, n -= skip;
		q = n / 8;
		__asm__ volatile("rep movsq"
				 : "+D"(d), "+S"(s), "+c"(q)
				 :
				 : "memory");
		__word_store(end - 8, tail);
	}
	return dest;
}
