/* Kiln runtime: allocator entry points shared by the malloc wrappers. */
#ifndef __KILN_MALLOC_TLSF_H
#define __KILN_MALLOC_TLSF_H

#include <stddef.h>

/* A block of n bytes aligned to align (a power of two); NULL with errno
 * EINVAL for a bad alignment, ENOMEM when the heap is exhausted. */
void *__aligned_malloc(size_t align, size_t n);

#endif
