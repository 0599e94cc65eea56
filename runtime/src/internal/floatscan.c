/* Kiln runtime: the syntax of strtod's input (C11 7.22.1.3, C locale) and
 * the float formats it rounds to. Integer-only; see floatscan.h. */
#include "floatscan.h"

const struct __float_format __float_single = {
	.mant_bits = 24, .min_exp = -126, .max_exp = 127,
	.nan_payload_bits = 22, .max_digits = 130, .max_dp = 40, .min_dp = -47,
};
const struct __float_format __float_double = {
	.mant_bits = 53, .min_exp = -1022, .max_exp = 1023,
	.nan_payload_bits = 51, .max_digits = 800, .max_dp = 310, .min_dp = -326,
};
const struct __float_format __float_extended = {
	.mant_bits = 64, .min_exp = -16382, .max_exp = 16383,
	.nan_payload_bits = 62, .max_digits = 11600, .max_dp = 4935,
	.min_dp = -4953,
};
/* The halfway points of binary128 have up to about 11565 significant
 * digits (2^-16495 times a 113-bit odd number); glibc keeps all 64 bits
 * of a nan(n) payload, in the low mantissa bits. */
const struct __float_format __float_binary128 = {
	.mant_bits = 113, .min_exp = -16382, .max_exp = 16383,
	.nan_payload_bits = 64, .max_digits = 11650, .max_dp = 4935,
	.min_dp = -4970,
};

/* Exponents are clamped to this while parsing: far beyond any format's
 * range, far from overflowing a long. */
#define EXP_CLAMP 1000000000L

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* [0-9A-Za-z_], the characters of nan(n-char-sequence). */
static int is_n_char(int c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       c == '_';
}

static int hex_value(int c)
{
	if (is_digit(c))
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Case-insensitive prefix match against a lower-case word. */
static int starts_with(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if ((*s | 0x20) != *word)
			return 0;
	return 1;
}

/* An optional exponent: marker (e or p), sign, at least one decimal digit.
 * Returns the characters consumed (0 if there is no valid exponent). */
static long scan_exponent(const char *p, int marker, long *exp)
{
	const char *q = p;
	int negative = 0;
	long v = 0;

	*exp = 0;
	if ((*q | 0x20) != marker)
		return 0;
	q++;
	if (*q == '+' || *q == '-')
		negative = *q++ == '-';
	if (!is_digit(*q))
		return 0;
	for (; is_digit(*q); q++)
		if (v < EXP_CLAMP)
			v = v * 10 + (*q - '0');
	*exp = negative ? -v : v;
	return q - p;
}

/* nan(n-char-sequence): glibc reads the sequence as strtoull(seq, 0, 0)
 * does and, if that takes the whole sequence, keeps its low bits as the
 * payload; an out-of-range number sets ERANGE either way. */
static void nan_payload(const char *seq, const char *end,
			const struct __float_format *fmt,
			struct __float_result *r)
{
	const char *p = seq;
	unsigned base = 10;
	uint64_t v = 0;
	int overflow = 0;

	if (p[0] == '0' && (p[1] | 0x20) == 'x' && hex_value(p[2]) >= 0) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	for (; p < end; p++) {
		int d = hex_value(*p);
		if (d < 0 || (unsigned)d >= base)
			break;
		if (v > (UINT64_MAX - (unsigned)d) / base)
			overflow = 1;
		v = v * base + (unsigned)d;
	}
	if (overflow) {
		v = UINT64_MAX;
		r->erange = 1;
	}
	if (p == end)
		r->mant = fmt->nan_payload_bits >= 64 ? v :
			  v & ((1ULL << fmt->nan_payload_bits) - 1);
}

static long scan_nan(const char *p, const struct __float_format *fmt,
		     struct __float_result *r)
{
	const char *q;

	r->cls = __FLOAT_NAN;
	if (*p != '(')
		return 0;
	for (q = p + 1; is_n_char(*q); q++)
		;
	if (*q != ')')
		return 0;
	nan_payload(p + 1, q, fmt, r);
	return q + 1 - p;
}

/* After "0x": hex digits with an optional point, then an optional binary
 * exponent. Returns the characters consumed after "0x", 0 if no digit. */
static long scan_hex(const char *p, const struct __float_format *fmt,
		     struct __float_result *r)
{
	const char *start = p;
	unsigned __int128 q = 0;
	long e2 = 0, pexp;
	int sticky = 0, any = 0, seen_point = 0;

	for (;; p++) {
		int d = hex_value(*p);
		if (d >= 0) {
			any = 1;
			if ((q >> 124) == 0) {
				q = q * 16 + (unsigned)d;
				if (seen_point)
					e2 -= 4;
			} else {
				/* q holds 121+ bits: the rest only matters
				 * as nonzero or not (see __float_round). */
				sticky |= d != 0;
				if (!seen_point)
					e2 += 4;
			}
		} else if (*p == '.' && !seen_point) {
			seen_point = 1;
		} else {
			break;
		}
	}
	if (!any)
		return 0;
	p += scan_exponent(p, 'p', &pexp);
	if (q == 0)
		r->cls = __FLOAT_ZERO;
	else
		__float_round(q, e2 + pexp, sticky, fmt, r);
	return p - start;
}

/* Decimal digits with an optional point and an optional exponent.
 * Returns the characters consumed, 0 if no digit. */
static long scan_decimal(const char *p, const struct __float_format *fmt,
			 struct __float_result *r)
{
	const char *start = p, *first = 0;
	long index = 0, int_digits = 0, first_index = 0, last_nonzero = -1;
	long e10, dp, nsig, keep;
	int seen_point = 0;

	for (;; p++) {
		if (is_digit(*p)) {
			if (*p != '0') {
				if (!first) {
					first = p;
					first_index = index;
				}
				last_nonzero = index;
			}
			index++;
			if (!seen_point)
				int_digits++;
		} else if (*p == '.' && !seen_point) {
			seen_point = 1;
		} else {
			break;
		}
	}
	if (index == 0)
		return 0;
	p += scan_exponent(p, 'e', &e10);
	if (!first) {
		r->cls = __FLOAT_ZERO;
		return p - start;
	}
	/* The value lies in [10^(dp-1), 10^dp). */
	dp = int_digits - first_index + e10;
	if (dp > fmt->max_dp) {
		r->cls = __FLOAT_INF;
		r->erange = 1;
		return p - start;
	}
	if (dp < fmt->min_dp) {
		r->cls = __FLOAT_ZERO;
		r->erange = 1;
		return p - start;
	}
	nsig = last_nonzero - first_index + 1;
	keep = nsig > fmt->max_digits ? fmt->max_digits : nsig;
	__float_decimal(first, keep, dp - keep, nsig > keep, fmt, r);
	return p - start;
}

unsigned long __floatscan(const char *s, const struct __float_format *fmt,
			  struct __float_result *r)
{
	const char *p = s;
	long n;

	r->negative = 0;
	r->cls = __FLOAT_ZERO;
	r->mant = 0;
	r->exp = 0;
	r->erange = 0;

	while (is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		r->negative = *p++ == '-';

	if (starts_with(p, "inf")) {
		r->cls = __FLOAT_INF;
		p += starts_with(p + 3, "inity") ? 8 : 3;
		return (unsigned long)(p - s);
	}
	if (starts_with(p, "nan")) {
		p += 3;
		p += scan_nan(p, fmt, r);
		return (unsigned long)(p - s);
	}
	if (p[0] == '0' && (p[1] | 0x20) == 'x') {
		n = scan_hex(p + 2, fmt, r);
		/* "0x" without a digit is the number 0 followed by "x". */
		p += n ? n + 2 : 1;
		return (unsigned long)(p - s);
	}
	n = scan_decimal(p, fmt, r);
	if (n == 0) {
		r->negative = 0;
		return 0;
	}
	return (unsigned long)(p + n - s);
}
