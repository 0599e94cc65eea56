#include <errno.h>
#include <stdlib.h>
#include <string.h>

void *calloc(size_t m, size_t n)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(m, n, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}
