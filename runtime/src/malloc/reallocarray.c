#include <errno.h>
#include <stdlib.h>

void *reallocarray(void *p, size_t m, size_t n)
{
	size_t total;

	if (__builtin_mul_overflow(m, n, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, total);
}
