#include <string.h>

/* A 256-bit set of the accepted bytes: one pass over each string. */
size_t strspn(const char *s, const char *accept)
{
	unsigned long set[4] = {0};
	const unsigned char *a = (const unsigned char *)accept;
	const unsigned char *p = (const unsigned char *)s;

	if (!a[0])
		return 0;
	if (!a[1]) {
		for (; *p == a[0]; p++)
			;
		return (size_t)(p - (const unsigned char *)s);
	}
	for (; *a; a++)
		set[*a / 64] |= 1UL << (*a % 64);
	for (; *p && (set[*p / 64] >> (*p % 64) & 1); p++)
		;
	return (size_t)(p - (const unsigned char *)s);
}
