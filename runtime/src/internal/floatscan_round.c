/* Kiln runtime: round an exact binary value to a float format.
 *
 * The value is q * 2^e2, plus "something nonzero but less than one unit of
 * q's last bit" when sticky is set. Rounding is to nearest, ties to even,
 * with gradual underflow. The ERANGE rule is glibc's: overflow, or a tiny
 * inexact result, where "tiny" is judged the way the architecture's FPU
 * judges it (glibc's TININESS_AFTER_ROUNDING). x86 judges after rounding:
 * the value rounded to full precision with an unbounded exponent range is
 * still below the smallest normal. aarch64 (and glibc's default) judges
 * before rounding: the exact value is below the smallest normal, even when
 * it rounds up to it. Integer-only. */
#include "floatscan.h"

#if defined(__x86_64__) || defined(__i386__)
#define TININESS_AFTER_ROUNDING 1
#else
#define TININESS_AFTER_ROUNDING 0
#endif

typedef unsigned __int128 u128;

static int bit_length(u128 q)
{
	uint64_t hi = (uint64_t)(q >> 64);
	if (hi)
		return 128 - __builtin_clzll(hi);
	return q ? 64 - __builtin_clzll((uint64_t)q) : 0;
}

/* q >> shift (shift > 0) rounded to nearest even; *inexact says whether
 * anything nonzero was dropped. */
static u128 shift_round(u128 q, long shift, int sticky, int *inexact)
{
	u128 kept;
	int half, below;

	if (shift > 128) {
		kept = 0;
		half = 0;
		below = q != 0;
	} else if (shift == 128) {
		kept = 0;
		half = (int)(q >> 127);
		below = (q << 1) != 0;
	} else {
		u128 low_mask = ((u128)1 << (shift - 1)) - 1;
		kept = q >> shift;
		half = (int)(q >> (shift - 1)) & 1;
		below = (q & low_mask) != 0;
	}
	below |= sticky;
	*inexact = half | below;
	if (half && (below || (kept & 1)))
		kept++;
	return kept;
}

static void overflow(struct __float_result *r)
{
	r->cls = __FLOAT_INF;
	r->mant = 0;
	r->exp = 0;
	r->erange = 1;
}

void __float_round(u128 q, long e2, int sticky,
		   const struct __float_format *fmt, struct __float_result *r)
{
	const int p = fmt->mant_bits;
	const long min_ulp = fmt->min_exp - (p - 1);
	int bits = bit_length(q);
	long lead = e2 + bits - 1; /* exponent of q's leading bit */
	long ulp = lead - (p - 1);
	int inexact = sticky;
	u128 m;

	r->erange = 0;
	if (q == 0) {
		r->cls = __FLOAT_ZERO;
		r->mant = 0;
		r->exp = 0;
		r->erange = sticky;
		return;
	}
	if (lead > fmt->max_exp) {
		overflow(r);
		return;
	}
	if (ulp < min_ulp)
		ulp = min_ulp;
	if (ulp > e2) {
		m = shift_round(q, ulp - e2, sticky, &inexact);
	} else {
		/* Exact: callers pass sticky only with at least p+2 bits of q,
		 * so sticky never reaches this branch. */
		m = q << (e2 - ulp);
	}
	if (m >> p) { /* rounding carried into a new leading bit */
		m >>= 1;
		ulp++;
	}
	if (m == 0) {
		r->cls = __FLOAT_ZERO;
		r->mant = 0;
		r->exp = 0;
		r->erange = 1;
		return;
	}
	if ((m >> (p - 1)) && ulp + p - 1 > fmt->max_exp) {
		overflow(r);
		return;
	}
	r->cls = __FLOAT_FINITE;
	r->mant = m;
	r->exp = (int)ulp;

	if (inexact && lead < fmt->min_exp) {
		int tiny = 1;
		/* Only a value just below the smallest normal can round up to
		 * it at full precision; re-round it without the exponent floor. */
		if (TININESS_AFTER_ROUNDING && lead == fmt->min_exp - 1 && bits > p) {
			int unused;
			u128 full = shift_round(q, bits - p, sticky, &unused);
			if (full >> p)
				tiny = 0;
		}
		r->erange = tiny;
	}
}
