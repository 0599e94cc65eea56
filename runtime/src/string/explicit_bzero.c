#include <string.h>

void explicit_bzero(void *d, size_t n)
{
	memset(d, 0, n);
	/* The barrier keeps the compiler from dropping the "dead" stores. */
	__asm__ volatile("" : : "r"(d) : "memory");
}
