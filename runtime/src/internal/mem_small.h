/* Kiln runtime: the parts of memcpy, memset and memmove that every
 * variant shares (the portable one and string/<arch>/general-regs/): short
 * lengths as a few possibly overlapping word moves, and memmove's backward
 * copy. The variants differ only in how they move long runs. */
#ifndef __KILN_INTERNAL_MEM_SMALL_H
#define __KILN_INTERNAL_MEM_SMALL_H

#include "internal/word.h"

/* Copies n <= 256 bytes. Up to 32: the first and the last words, which
 * overlap when n is not a multiple. Above: 32 bytes per step, then the
 * last 32 bytes (overlapping) for the tail; below ~256 bytes this beats a
 * string instruction's start-up. */
static inline void __mem_copy_upto256(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n <= 16) {
		if (n >= 8) {
			uint64_t a = __word_load(s), b = __word_load(s + n - 8);
			__word_store(d, a);
			__word_store(d + n - 8, b);
		} else if (n >= 4) {
			uint32_t a = __word32_load(s), b = __word32_load(s + n - 4);
			__word32_store(d, a);
			__word32_store(d + n - 4, b);
		} else if (n) {
			unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
			d[0] = a;
			d[n / 2] = b;
			d[n - 1] = c;
		}
		return;
	}
	if (n <= 32) {
		uint64_t a = __word_load(s), b = __word_load(s + 8);
		uint64_t c = __word_load(s + n - 16), e = __word_load(s + n - 8);
		__word_store(d, a);
		__word_store(d + 8, b);
		__word_store(d + n - 16, c);
		__word_store(d + n - 8, e);
		return;
	}
	{
		size_t i;
		uint64_t t0 = __word_load(s + n - 32), t1 = __word_load(s + n - 24);
		uint64_t t2 = __word_load(s + n - 16), t3 = __word_load(s + n - 8);
		for (i = 0; i + 32 < n; i += 32) {
			uint64_t a = __word_load(s + i), b = __word_load(s + i + 8);
			uint64_t c = __word_load(s + i + 16), e = __word_load(s + i + 24);
			__word_store(d + i, a);
			__word_store(d + i + 8, b);
			__word_store(d + i + 16, c);
			__word_store(d + i + 24, e);
		}
		__word_store(d + n - 32, t0);
		__word_store(d + n - 24, t1);
		__word_store(d + n - 16, t2);
		__word_store(d + n - 8, t3);
	}
}

/* Sets n <= 1024 bytes to the byte c, w being c in every byte of a word:
 * as __mem_copy_upto256, word stores with an overlapping tail; below ~1 KiB
 * this beats a string instruction's start-up. */
static inline void __mem_fill_upto1024(unsigned char *d, int c, uint64_t w, size_t n)
{
	if (n <= 16) {
		if (n >= 8) {
			__word_store(d, w);
			__word_store(d + n - 8, w);
		} else if (n >= 4) {
			__word32_store(d, (uint32_t)w);
			__word32_store(d + n - 4, (uint32_t)w);
		} else if (n) {
			d[0] = (unsigned char)c;
			d[n / 2] = (unsigned char)c;
			d[n - 1] = (unsigned char)c;
		}
		return;
	}
	if (n <= 32) {
		__word_store(d, w);
		__word_store(d + 8, w);
		__word_store(d + n - 16, w);
		__word_store(d + n - 8, w);
		return;
	}
	{
		size_t i;
		for (i = 0; i + 32 < n; i += 32) {
			__word_store(d + i, w);
			__word_store(d + i + 8, w);
			__word_store(d + i + 16, w);
			__word_store(d + i + 24, w);
		}
		__word_store(d + n - 32, w);
		__word_store(d + n - 24, w);
		__word_store(d + n - 16, w);
		__word_store(d + n - 8, w);
	}
}

/* memmove's case of a destination above an overlapping source: copies
 * backwards, a word at a time; each load is below every byte already
 * stored. */
static inline void __mem_move_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	while (n >= 8) {
		n -= 8;
		__word_store(d + n, __word_load(s + n));
	}
	while (n) {
		n--;
		d[n] = s[n];
	}
}

#endif
