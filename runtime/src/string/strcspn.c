#include <string.h>

size_t strcspn(const char *s, const char *reject)
{
	unsigned long set[4] = {0};
	const unsigned char *r = (const unsigned char *)reject;
	const unsigned char *p = (const unsigned char *)s;

	if (!r[0] || !r[1])
		return (size_t)(strchrnul(s, r[0]) - s);
	for (; *r; r++)
		set[*r / 64] |= 1UL << (*r % 64);
	for (; *p && !(set[*p / 64] >> (*p % 64) & 1); p++)
		;
	return (size_t)(p - (const unsigned char *)s);
}
