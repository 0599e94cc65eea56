/* Kiln runtime: the allocator's statistics, in glibc's interface, so that
 * a program can watch its memory use (httpd's statistics page; tests that
 * check that use stays flat).
 *
 * mallinfo2's fields, as far as a single TLSF heap has them:
 *   arena     the heap's bytes (the regions given to the allocator)
 *   uordblks  payload bytes in use
 *   fordblks  payload bytes free, ordblks  free blocks
 *   usmblks   the most payload bytes ever in use at once (glibc: 0)
 *   hblks     blocks in use (glibc: mmap'ed blocks; Kiln has none)
 * The rest is 0. Block headers (16 bytes each) are in no byte count, so
 * uordblks + fordblks + 16 * (blocks) = arena - 16 (the end sentinel). */
#include <malloc.h>
#include <stdio.h>
#include "malloc/tlsf.h"

struct mallinfo2 mallinfo2(void)
{
	struct __malloc_counts c;
	struct mallinfo2 mi = { 0 };

	__malloc_counts(&c);
	mi.arena = c.heap_bytes;
	mi.ordblks = c.free_blocks;
	mi.hblks = c.in_use_blocks;
	mi.usmblks = c.peak_in_use_bytes;
	mi.uordblks = c.in_use_bytes;
	mi.fordblks = c.free_bytes;
	return mi;
}

/* One line, "malloc: " and name=value pairs, on stderr (the console). */
void malloc_stats(void)
{
	struct __malloc_counts c;

	__malloc_counts(&c);
	fprintf(stderr,
		"malloc: heap=%zu in_use_bytes=%zu in_use_blocks=%zu peak_in_use_bytes=%zu "
		"free_bytes=%zu free_blocks=%zu\n",
		c.heap_bytes, c.in_use_bytes, c.in_use_blocks, c.peak_in_use_bytes,
		c.free_bytes, c.free_blocks);
}
