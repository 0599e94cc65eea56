/* Kiln runtime: allocator entry points shared by the malloc wrappers. */
#ifndef __KILN_MALLOC_TLSF_H
#define __KILN_MALLOC_TLSF_H

#include <stddef.h>

/* A block of n bytes aligned to align (a power of two); NULL with errno
 * EINVAL for a bad alignment, ENOMEM when the heap is exhausted. */
void *__aligned_malloc(size_t align, size_t n);

/* The allocator's counts (mallinfo2 and malloc_stats report them): the
 * heap's bytes, the payload bytes and blocks in use now and the most bytes
 * ever in use; the free blocks and their payload bytes (counted from the
 * free lists). Headers are in neither byte count. */
struct __malloc_counts {
	size_t heap_bytes;
	size_t in_use_bytes;
	size_t in_use_blocks;
	size_t peak_in_use_bytes;
	size_t free_bytes;
	size_t free_blocks;
};
void __malloc_counts(struct __malloc_counts *c);

#endif
