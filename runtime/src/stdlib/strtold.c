/* Kiln runtime: strtold for the x87 80-bit extended format (x86_64's long
 * double), correctly rounded. See internal/floatscan.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "../internal/floatscan.h"

#if __LDBL_MANT_DIG__ != 64
#error "strtold.c packs the x87 80-bit format; add this long double format"
#endif

/* x87 extended: 64-bit significand with an explicit leading bit, then
 * 1 sign and 15 exponent bits (bias 16383). */
static long double pack_extended(const struct __float_result *r)
{
	union {
		long double ld;
		struct { uint64_t mant; uint16_t sign_exp; } x;
	} v = { 0 };
	unsigned exp = 0;

	switch (r->cls) {
	case __FLOAT_ZERO:
		v.x.mant = 0;
		break;
	case __FLOAT_INF:
		exp = 0x7fff;
		v.x.mant = 1ULL << 63;
		break;
	case __FLOAT_NAN: /* quiet NaN carrying the payload */
		exp = 0x7fff;
		v.x.mant = (3ULL << 62) | r->mant;
		break;
	default:
		v.x.mant = r->mant;
		if (r->mant >> 63) /* normal; else subnormal, exponent 0 */
			exp = (unsigned)(r->exp + 63 + 16383);
		break;
	}
	v.x.sign_exp = (uint16_t)(exp | (unsigned)r->negative << 15);
	return v.ld;
}

long double strtold(const char *restrict s, char **restrict end)
{
	struct __float_result r;
	unsigned long n = __floatscan(s, &__float_extended, &r);

	if (end)
		*end = (char *)s + n;
	if (r.erange)
		errno = ERANGE;
	return pack_extended(&r);
}
