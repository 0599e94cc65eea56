#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include "internal/intscan.h"

static int digit_value(unsigned char c)
{
	if ((unsigned)c - '0' < 10)
		return c - '0';
	c |= 32;
	if ((unsigned)c - 'a' < 26)
		return c - 'a' + 10;
	return 99;
}

unsigned long long __intscan(const char *nptr, char **end, int base,
			     unsigned long long max, int is_signed)
{
	const unsigned char *s = (const unsigned char *)nptr;
	unsigned long long v = 0, lim;
	int neg = 0, overflow = 0, any = 0, d;

	if (base < 0 || base == 1 || base > 36) {
		if (end)
			*end = (char *)nptr;
		errno = EINVAL;
		return 0;
	}
	while (isspace(*s))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	/* "0x" only counts as a prefix when a hex digit follows; otherwise
	 * the "0" alone is the number. */
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] | 32) == 'x' &&
	    digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	/* The largest magnitude: one more for a signed type's negative side. */
	lim = is_signed && neg ? max + 1 : max;
	for (; (d = digit_value(*s)) < base; s++) {
		any = 1;
		if (overflow)
			continue;
		if (__builtin_mul_overflow(v, (unsigned)base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v) || v > lim)
			overflow = 1;
	}
	if (end)
		*end = (char *)(any ? (const char *)s : nptr);
	if (overflow) {
		errno = ERANGE;
		return is_signed && neg ? -lim : max;
	}
	return neg ? -v : v;
}
