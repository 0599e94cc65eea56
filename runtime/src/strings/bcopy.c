#include <string.h>
#include <strings.h>

void bcopy(const void *s, void *d, size_t n)
{
	memmove(d, s, n);
}
