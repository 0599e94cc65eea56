/* Kiln runtime: word-at-a-time helpers for the string functions.
 *
 * Strings are scanned 8 bytes at a time once the pointer is aligned: an
 * aligned 8-byte load never crosses a page boundary, so reading a few bytes
 * past the terminator cannot fault. The may_alias type keeps the compiler
 * from assuming these loads do not touch the char data. */
#ifndef __KILN_INTERNAL_WORD_H
#define __KILN_INTERNAL_WORD_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t __attribute__((__may_alias__)) __word_t;
typedef uint32_t __attribute__((__may_alias__)) __word32_t;

#define __WORD_ONES ((uint64_t)0x0101010101010101ULL)
#define __WORD_HIGHS ((uint64_t)0x8080808080808080ULL)

/* Nonzero iff some byte of w is zero; the lowest flagged byte is exact. */
static inline uint64_t __word_haszero(uint64_t w)
{
	return (w - __WORD_ONES) & ~w & __WORD_HIGHS;
}

static inline uint64_t __word_load(const void *p)
{
	uint64_t w;
	__builtin_memcpy(&w, p, 8);
	return w;
}

static inline void __word_store(void *p, uint64_t w)
{
	__builtin_memcpy(p, &w, 8);
}

static inline uint32_t __word32_load(const void *p)
{
	uint32_t w;
	__builtin_memcpy(&w, p, 4);
	return w;
}

static inline void __word32_store(void *p, uint32_t w)
{
	__builtin_memcpy(p, &w, 4);
}

#endif
