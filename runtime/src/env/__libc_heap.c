/* Kiln runtime: the heap the platform handed over, set by the start-up
 * code and taken by the allocator on its first call. In a file of its own
 * so that neither side pulls in the other. */
#include "internal/libc.h"

uintptr_t __libc_heap_start;
size_t __libc_heap_size;
