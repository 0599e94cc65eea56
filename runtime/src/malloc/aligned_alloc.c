#include <stdlib.h>
#include "malloc/tlsf.h"

void *aligned_alloc(size_t align, size_t n)
{
	return __aligned_malloc(align, n);
}
