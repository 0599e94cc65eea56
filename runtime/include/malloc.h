/* Kiln runtime: <malloc.h>, the allocator calls some libraries include it
 * for (the standard ones come from <stdlib.h>). */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memalign(size_t, size_t) __attribute__((__malloc__, __alloc_align__(1), __alloc_size__(2)));

#ifdef __cplusplus
}
#endif

#endif
