/* Kiln runtime: strtof, correctly rounded straight from the text (going
 * through double would round twice). See internal/floatscan.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "../internal/floatscan.h"

/* IEEE binary32: 1 sign, 8 exponent (bias 127), 23 fraction bits. */
static float pack_float(const struct __float_result *r)
{
	union { float f; uint32_t u; } v;

	switch (r->cls) {
	case __FLOAT_ZERO:
		v.u = 0;
		break;
	case __FLOAT_INF:
		v.u = 0xffU << 23;
		break;
	case __FLOAT_NAN: /* quiet NaN carrying the payload */
		v.u = (0x1ffU << 22) | (uint32_t)r->mant;
		break;
	default:
		if (r->mant >> 23) /* normal: drop the implicit bit */
			v.u = ((uint32_t)(r->exp + 23 + 127) << 23) |
			      ((uint32_t)r->mant & ((1U << 23) - 1));
		else
			v.u = (uint32_t)r->mant;
		break;
	}
	v.u |= (uint32_t)r->negative << 31;
	return v.f;
}

float strtof(const char *restrict s, char **restrict end)
{
	struct __float_result r;
	unsigned long n = __floatscan(s, &__float_single, &r);

	if (end)
		*end = (char *)s + n;
	if (r.erange)
		errno = ERANGE;
	return pack_float(&r);
}
