#include <malloc.h>
#include "malloc/tlsf.h"

void *memalign(size_t align, size_t n)
{
	return __aligned_malloc(align, n);
}
