/* Kiln runtime: the text-to-binary-float core behind strtod, strtof and
 * strtold (and through them atof and scanf's %f/%e/%g/%a).
 *
 * It is integer-only (no float or double anywhere), so it can be built
 * with -mgeneral-regs-only; only the thin wrappers that hand back a float,
 * double or long double need the FPU. Every result is correctly rounded
 * (to nearest, ties to even) for any length of input: decimal inputs go
 * through exact big-integer arithmetic, see floatscan_decimal.c. */
#ifndef __KILN_INTERNAL_FLOATSCAN_H
#define __KILN_INTERNAL_FLOATSCAN_H

#include <stdint.h>

/* A binary floating-point format: value = M * 2^e with M < 2^mant_bits. */
struct __float_format {
	int mant_bits;      /* precision P, counting the leading bit */
	int min_exp;        /* exponent of the smallest normal: 2^min_exp */
	int max_exp;        /* largest finite value is below 2^(max_exp + 1) */
	int nan_payload_bits; /* bits of nan(n-char-sequence) kept, as glibc */
	/* Decimal inputs: digits kept exactly; beyond them only "nonzero or
	 * not" matters. Must exceed the significant digits of every halfway
	 * point between two neighbours of the format (see floatscan_decimal.c). */
	int max_digits;
	/* value < 10^dp: dp above max_dp surely overflows, below min_dp surely
	 * rounds to zero. Loose bounds; they only cap the big-integer sizes. */
	int max_dp;
	int min_dp;
};

extern const struct __float_format __float_single;
extern const struct __float_format __float_double;
extern const struct __float_format __float_extended; /* x87 80-bit */
extern const struct __float_format __float_binary128; /* IEEE quad (aarch64) */

enum __float_class { __FLOAT_ZERO, __FLOAT_FINITE, __FLOAT_INF, __FLOAT_NAN };

/* The rounded result, ready to be packed into a format's bits. */
struct __float_result {
	int negative;
	enum __float_class cls;
	/* __FLOAT_FINITE: value = mant * 2^exp, 0 < mant < 2^mant_bits; the
	 * value is normal iff mant >= 2^(mant_bits-1) (then exp is minimal
	 * for that), else subnormal with exp = min_exp - (mant_bits - 1).
	 * __FLOAT_NAN: mant is the payload (already masked), exp unused. */
	unsigned __int128 mant; /* up to 113 bits (binary128) */
	int exp;
	/* Nonzero when errno must become ERANGE: overflow, an inexact tiny
	 * (subnormal or zero) result, or an out-of-range nan payload. */
	int erange;
};

/* Parse a floating constant at s the way strtod does (leading white space,
 * sign, decimal or 0x hexadecimal digits with optional exponent, inf,
 * infinity, nan, nan(n-char-sequence), all case-insensitive) and round it
 * to fmt. Returns the number of characters consumed, 0 if there is no
 * conversion (then r->cls is __FLOAT_ZERO and r->negative is 0). */
unsigned long __floatscan(const char *s, const struct __float_format *fmt,
			  struct __float_result *r);

/* Round q * 2^e2 (plus a nonzero amount below q's last bit when sticky)
 * to fmt, filling r (cls, mant, exp, erange; not negative). q may be 0
 * only with sticky 0. */
void __float_round(unsigned __int128 q, long e2, int sticky,
		   const struct __float_format *fmt, struct __float_result *r);

/* Round D * 10^e10 to fmt, D being the ndigits decimal digits at digits
 * (a '.' among them is skipped), D > 0, plus a nonzero amount below the
 * last digit when sticky. */
void __float_decimal(const char *digits, long ndigits, long e10, int sticky,
		     const struct __float_format *fmt, struct __float_result *r);

#endif
