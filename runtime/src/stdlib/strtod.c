/* Kiln runtime: strtod, correctly rounded (see internal/floatscan.h). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "../internal/floatscan.h"

/* IEEE binary64: 1 sign, 11 exponent (bias 1023), 52 fraction bits. */
static double pack_double(const struct __float_result *r)
{
	union { double d; uint64_t u; } v;

	switch (r->cls) {
	case __FLOAT_ZERO:
		v.u = 0;
		break;
	case __FLOAT_INF:
		v.u = 0x7ffULL << 52;
		break;
	case __FLOAT_NAN: /* quiet NaN carrying the payload */
		v.u = (0xfffULL << 51) | r->mant;
		break;
	default:
		if (r->mant >> 52) /* normal: drop the implicit bit */
			v.u = ((uint64_t)(r->exp + 52 + 1023) << 52) |
			      (r->mant & ((1ULL << 52) - 1));
		else
			v.u = r->mant;
		break;
	}
	v.u |= (uint64_t)r->negative << 63;
	return v.d;
}

double strtod(const char *restrict s, char **restrict end)
{
	struct __float_result r;
	unsigned long n = __floatscan(s, &__float_double, &r);

	if (end)
		*end = (char *)s + n;
	if (r.erange)
		errno = ERANGE;
	return pack_double(&r);
}
