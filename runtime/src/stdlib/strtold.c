/* Kiln runtime: strtold, correctly rounded (see internal/floatscan.h), for
 * the two long double formats Kiln's architectures have: x86_64's x87
 * 80-bit extended and aarch64's IEEE binary128. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "../internal/floatscan.h"

#if __LDBL_MANT_DIG__ == 64
#define LONG_DOUBLE_FORMAT __float_extended

/* x87 extended: 64-bit significand with an explicit leading bit, then
 * 1 sign and 15 exponent bits (bias 16383). */
static long double pack_long_double(const struct __float_result *r)
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
		v.x.mant = (3ULL << 62) | (uint64_t)r->mant;
		break;
	default:
		v.x.mant = (uint64_t)r->mant;
		if (r->mant >> 63) /* normal; else subnormal, exponent 0 */
			exp = (unsigned)(r->exp + 63 + 16383);
		break;
	}
	v.x.sign_exp = (uint16_t)(exp | (unsigned)r->negative << 15);
	return v.ld;
}

#elif __LDBL_MANT_DIG__ == 113
#define LONG_DOUBLE_FORMAT __float_binary128

/* IEEE binary128: 1 sign, 15 exponent bits (bias 16383), 112 fraction
 * bits below an implicit leading bit. */
static long double pack_long_double(const struct __float_result *r)
{
	typedef unsigned __int128 u128;
	const u128 frac_mask = ((u128)1 << 112) - 1;
	union { long double ld; u128 u; } v;

	switch (r->cls) {
	case __FLOAT_ZERO:
		v.u = 0;
		break;
	case __FLOAT_INF:
		v.u = (u128)0x7fff << 112;
		break;
	case __FLOAT_NAN: /* quiet NaN carrying the payload */
		v.u = (u128)0xffff << 111 | r->mant;
		break;
	default:
		if (r->mant >> 112) /* normal: drop the implicit bit */
			v.u = (u128)(r->exp + 112 + 16383) << 112 | (r->mant & frac_mask);
		else
			v.u = r->mant;
		break;
	}
	v.u |= (u128)r->negative << 127;
	return v.ld;
}

#else
#error "strtold.c packs the x87 80-bit and the IEEE binary128 long double; add this format (__LDBL_MANT_DIG__)"
#endif

long double strtold(const char *restrict s, char **restrict end)
{
	struct __float_result r;
	unsigned long n = __floatscan(s, &LONG_DOUBLE_FORMAT, &r);

	if (end)
		*end = (char *)s + n;
	if (r.erange)
		errno = ERANGE;
	return pack_long_double(&r);
}
