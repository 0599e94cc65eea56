/* Kiln runtime: exact decimal-to-binary conversion for strtod & co.
 *
 * value = D * 10^e10 = D * 5^e10 * 2^e10. Everything is done on big
 * integers, so the result is exact, then rounded once by __float_round:
 *  - e10 >= 0: N = D * 5^e10 is an integer; its top 128 bits and a sticky
 *    bit for the rest go to the rounding.
 *  - e10 < 0: value = (D / 5^f) * 2^-f with f = -e10. D and 5^f are scaled
 *    by a power of two so that the quotient has p+2 or p+3 bits (p is the
 *    precision: at most 67 bits, 116 for binary128); its bits above 64
 *    come from subtracting 5^f * 2^64 (at most 7 times; for binary128 from
 *    one more estimate-and-correct step against 5^f * 2^64), its low 64
 *    bits from one estimate by the divisor's top 64 bits that is at most 2
 *    short and then corrected. The remainder gives the sticky bit.
 *
 * Why a bounded number of digits is enough (fmt->max_digits): the rounding
 * only depends on which side of each halfway point between neighbouring
 * floats the value lies. A halfway point is m * 2^-k with m odd, which has
 * about log10(m) + 0.699 k significant decimal digits: at most 767 for
 * double, 112 for float, 11510 for x87 long double (k <= 16446) and about
 * 11565 for binary128 (k <= 16495). When
 * the input has more significant digits than max_digits (above those
 * counts) the caller keeps max_digits of them and sets sticky; no halfway
 * point can lie strictly between the truncated value and the true one
 * (it would need more digits than max_digits), so appending one nonzero
 * digit below the kept ones rounds the same way as the full input. (The
 * same bound covers the floats themselves, so "exact" stays exact for the
 * ERANGE rule.)
 *
 * Big-integer sizes: with the caller's bounds (max_digits, min_dp, max_dp)
 * the largest operand is below 2^38900 for long double; BN_LIMBS covers it.
 * Integer-only. */
#include "floatscan.h"
#include "libc.h"

typedef unsigned __int128 u128;

#define BN_LIMBS 640

struct bignum {
	int len; /* limbs in use; limb[len-1] != 0 unless len == 0 */
	uint64_t limb[BN_LIMBS];
};

static _Noreturn void bn_too_big(void)
{
	__libc_fatal("strtod: big integer out of room (a bug in "
		     "runtime/src/internal/floatscan_decimal.c: BN_LIMBS)");
}

static void bn_set(struct bignum *a, uint64_t v)
{
	a->len = v != 0;
	a->limb[0] = v;
}

static void bn_trim(struct bignum *a)
{
	while (a->len > 0 && a->limb[a->len - 1] == 0)
		a->len--;
}

static void bn_mul_add(struct bignum *a, uint64_t mul, uint64_t add)
{
	uint64_t carry = add;
	for (int i = 0; i < a->len; i++) {
		u128 t = (u128)a->limb[i] * mul + carry;
		a->limb[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	if (carry) {
		if (a->len == BN_LIMBS)
			bn_too_big();
		a->limb[a->len++] = carry;
	}
}

static void bn_mul_pow5(struct bignum *a, long k)
{
	static const uint64_t pow5_27 = 7450580596923828125ULL; /* 5^27 < 2^64 */
	for (; k >= 27; k -= 27)
		bn_mul_add(a, pow5_27, 0);
	uint64_t rest = 1;
	while (k-- > 0)
		rest *= 5;
	if (rest != 1)
		bn_mul_add(a, rest, 0);
}

static long bn_bit_length(const struct bignum *a)
{
	if (a->len == 0)
		return 0;
	return (long)a->len * 64 - __builtin_clzll(a->limb[a->len - 1]);
}

static void bn_shl(struct bignum *a, long bits)
{
	if (a->len == 0 || bits == 0)
		return;
	long words = bits / 64;
	int sh = (int)(bits % 64);
	long newlen = a->len + words + 1;
	if (newlen > BN_LIMBS)
		bn_too_big();
	a->limb[newlen - 1] = 0;
	for (long i = a->len - 1; i >= 0; i--) {
		uint64_t v = a->limb[i];
		if (sh) {
			a->limb[i + words + 1] |= v >> (64 - sh);
			a->limb[i + words] = v << sh;
		} else {
			a->limb[i + words] = v;
		}
	}
	for (long i = 0; i < words; i++)
		a->limb[i] = 0;
	a->len = (int)newlen;
	bn_trim(a);
}

/* 64 bits of a starting at bit off (bits past the top read as 0). */
static uint64_t bn_bits64(const struct bignum *a, long off)
{
	long w = off / 64;
	int sh = (int)(off % 64);
	uint64_t lo = w < a->len ? a->limb[w] : 0;
	uint64_t hi = w + 1 < a->len ? a->limb[w + 1] : 0;
	return sh ? (lo >> sh) | (hi << (64 - sh)) : lo;
}

/* a >= b * 2^(64*off)? */
static int bn_ge_shifted(const struct bignum *a, const struct bignum *b, int off)
{
	if (b->len == 0)
		return 1;
	if (a->len != b->len + off)
		return a->len > b->len + off;
	for (int i = b->len - 1; i >= 0; i--)
		if (a->limb[i + off] != b->limb[i])
			return a->limb[i + off] > b->limb[i];
	return 1; /* equal on b's limbs; a's low limbs only add */
}

/* a -= b * m * 2^(64*off), the result being known to be >= 0. */
static void bn_submul_shifted(struct bignum *a, const struct bignum *b,
			      uint64_t m, int off)
{
	uint64_t carry = 0, borrow = 0;
	int i;

	if (m == 0)
		return;
	for (i = 0; i < b->len; i++) {
		u128 t = (u128)b->limb[i] * m + carry;
		uint64_t lo = (uint64_t)t;
		uint64_t x = a->limb[i + off];
		uint64_t d = x - lo;
		uint64_t nb = (x < lo) | (d < borrow);
		carry = (uint64_t)(t >> 64);
		a->limb[i + off] = d - borrow;
		borrow = nb;
	}
	for (i += off; (carry | borrow) && i < a->len; i++) {
		uint64_t x = a->limb[i];
		uint64_t d = x - carry;
		uint64_t nb = (x < carry) | (d < borrow);
		a->limb[i] = d - borrow;
		borrow = nb;
		carry = 0;
	}
	bn_trim(a);
}

/* floor(n / d) for n < 2^64 * d, so that the quotient fits 64 bits. */
static uint64_t div_128_64(u128 n, uint64_t d)
{
#if defined(__x86_64__)
	uint64_t q, r;
	__asm__("divq %4"
		: "=a"(q), "=d"(r)
		: "a"((uint64_t)n), "d"((uint64_t)(n >> 64)), "rm"(d));
	(void)r;
	return q;
#else
	/* No 128-by-64 divide instruction (aarch64): restoring division, one
	 * quotient bit a step, rather than libgcc's __udivti3 (which the
	 * runtime's host tests, all symbols prefixed, could not reach). The
	 * running remainder hi stays below d. */
	uint64_t hi = (uint64_t)(n >> 64), lo = (uint64_t)n, q = 0;
	for (int i = 0; i < 64; i++) {
		uint64_t out = hi >> 63;
		hi = hi << 1 | lo >> 63;
		lo <<= 1;
		q <<= 1;
		if (out || hi >= d) {
			hi -= d;
			q |= 1;
		}
	}
	return q;
#endif
}

/* floor(a / b) with a < 2^64 * b; a becomes the remainder. The quotient is
 * first estimated from the top 64 bits of b plus one (an underestimate by
 * at most 2, see below) and then corrected by subtracting b. */
static uint64_t bn_divmod_small_quotient(struct bignum *a, const struct bignum *b)
{
	long bits = bn_bit_length(b);
	uint64_t q;

	if (bits <= 64) { /* a < 2^128: exact in one step */
		u128 x = ((u128)bn_bits64(a, 64) << 64) | bn_bits64(a, 0);
		uint64_t d = b->limb[0];
		q = div_128_64(x, d);
		x -= (u128)q * d;
		a->limb[0] = (uint64_t)x;
		a->limb[1] = (uint64_t)(x >> 64);
		a->len = 2;
		bn_trim(a);
		return q;
	}
	/* With k = bits - 64, t = floor(b / 2^k) is in [2^63, 2^64) and
	 * b < (t + 1) 2^k, so q' = floor(floor(a / 2^k) / (t + 1)) <= a / b,
	 * and a/b - q' < (a/b) / (t + 1) + 1 < 2^64 / 2^63 + 1 = 3. */
	long k = bits - 64;
	uint64_t t = bn_bits64(b, k);
	u128 top = ((u128)bn_bits64(a, k + 64) << 64) | bn_bits64(a, k);
	q = t == UINT64_MAX ? (uint64_t)(top >> 64) : div_128_64(top, t + 1);
	bn_submul_shifted(a, b, q, 0);
	while (bn_ge_shifted(a, b, 0)) {
		bn_submul_shifted(a, b, 1, 0);
		q++;
	}
	return q;
}

/* D from ndigits decimal digits (skipping one '.' if present). */
static void bn_from_digits(struct bignum *a, const char *s, long ndigits)
{
	static const uint64_t pow10[20] = {
		1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
		10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
		100000000000ULL, 1000000000000ULL, 10000000000000ULL,
		100000000000000ULL, 1000000000000000ULL,
		10000000000000000ULL, 100000000000000000ULL,
		1000000000000000000ULL, 10000000000000000000ULL,
	};
	bn_set(a, 0);
	while (ndigits > 0) {
		int chunk = ndigits < 19 ? (int)ndigits : 19;
		uint64_t v = 0;
		for (int i = 0; i < chunk; i++, s++) {
			if (*s == '.')
				s++;
			v = v * 10 + (uint64_t)(*s - '0');
		}
		bn_mul_add(a, pow10[chunk], v);
		ndigits -= chunk;
	}
}

/* Top 128 bits of a (a != 0) as q * 2^*shift, sticky for the rest. */
static u128 bn_top128(const struct bignum *a, long *shift, int *sticky)
{
	long bits = bn_bit_length(a);
	long drop = bits > 128 ? bits - 128 : 0;
	u128 q = ((u128)bn_bits64(a, drop + 64) << 64) | bn_bits64(a, drop);
	long w = drop / 64;
	int sh = (int)(drop % 64);
	int st = sh && (a->limb[w] & ((1ULL << sh) - 1)) != 0;
	for (long i = 0; i < w && !st; i++)
		st = a->limb[i] != 0;
	*shift = drop;
	*sticky = st;
	return q;
}

void __float_decimal(const char *digits, long ndigits, long e10, int sticky,
		     const struct __float_format *fmt, struct __float_result *r)
{
	struct bignum n, t; /* 10 KiB of stack */

	bn_from_digits(&n, digits, ndigits);
	if (sticky) {
		bn_mul_add(&n, 10, 1);
		e10--;
	}
	if (e10 >= 0) {
		long shift;
		int st;
		bn_mul_pow5(&n, e10);
		u128 q = bn_top128(&n, &shift, &st);
		__float_round(q, e10 + shift, st, fmt, r);
		return;
	}

	bn_set(&t, 1);
	bn_mul_pow5(&t, -e10);
	/* Scale so that 2^(p+1) <= n / t < 2^(p+3): enough bits for the
	 * rounding, and a quotient of at most 67 bits. */
	long s = fmt->mant_bits + 2 - (bn_bit_length(&n) - bn_bit_length(&t));
	if (s >= 0)
		bn_shl(&n, s);
	else
		bn_shl(&t, -s);
	/* The quotient's high part (below 8) by subtraction of t * 2^64,
	 * then its low 64 bits in one estimate-and-correct step. */
	uint64_t q_high = 0;
	if (fmt->mant_bits + 3 <= 67) {
		while (bn_ge_shifted(&n, &t, 1)) {
			bn_submul_shifted(&n, &t, 1, 1);
			q_high++;
		}
	} else {
		/* binary128: n < 2^116 t, so n / (t 2^64) < 2^52 fits one
		 * step; n becomes the remainder, below t 2^64. */
		struct bignum t_high = t;
		bn_shl(&t_high, 64);
		q_high = bn_divmod_small_quotient(&n, &t_high);
	}
	uint64_t q_low = bn_divmod_small_quotient(&n, &t);
	u128 q = ((u128)q_high << 64) | q_low;
	__float_round(q, e10 - s, n.len != 0, fmt, r);
}
