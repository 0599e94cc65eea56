#include <errno.h>
#include <stdlib.h>
#include "malloc/tlsf.h"

int posix_memalign(void **res, size_t align, size_t n)
{
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = __aligned_malloc(align, n);
	if (!p)
		return ENOMEM;
	*res = p;
	return 0;
}
