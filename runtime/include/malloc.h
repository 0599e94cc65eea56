/* Kiln runtime: <malloc.h>, the allocator calls some libraries include it
 * for (the standard ones come from <stdlib.h>). */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memalign(size_t, size_t) __attribute__((__malloc__, __alloc_align__(1), __alloc_size__(2)));

/* The allocator's statistics (glibc's interface; runtime/src/malloc/stats.c
 * says what each field holds in Kiln): arena the heap's bytes, uordblks
 * the payload bytes in use, fordblks the free ones in ordblks blocks,
 * usmblks the most bytes ever in use, hblks the blocks in use. */
struct mallinfo2 {
	size_t arena;
	size_t ordblks;
	size_t smblks;
	size_t hblks;
	size_t hblkhd;
	size_t usmblks;
	size_t fsmblks;
	size_t uordblks;
	size_t fordblks;
	size_t keepcost;
};
struct mallinfo2 mallinfo2(void);
/* The same on one line on stderr: "malloc: heap=... in_use_bytes=...". */
void malloc_stats(void);

#ifdef __cplusplus
}
#endif

#endif
