/* Block output. */
#include "stdio_impl.h"

size_t fwrite(const void *restrict p, size_t size, size_t nmemb, FILE *restrict f)
{
	size_t total;

	if (size == 0 || nmemb == 0)
		return 0;
	if (__builtin_mul_overflow(size, nmemb, &total))
		total = (size_t)-1 / size * size;
	return __stdio_write(f, p, total) / size;
}
