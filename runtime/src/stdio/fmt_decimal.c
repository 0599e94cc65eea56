/* Exact binary-to-decimal conversion for printf's %e %f %g.
 *
 * A binary float is mant * 2^exp2, a number with a finite decimal
 * expansion. We produce that expansion exactly with big integers and round
 * it once, to nearest with ties to even, as glibc does. The integer part
 * is turned into base-10^9 chunks by repeated division; the fraction is a
 * big binary fraction f / 2^(32*nf) that yields nine digits each time it
 * is multiplied by 10^9. Integer-only, so it sits in the general-register
 * core of the runtime.
 *
 * Sizes: an x87 or binary128 long double reaches 2^16384 (4933 integer
 * digits, 515 limbs of 32 bits); the smallest fraction is 2^-16445 for
 * x87 and 2^-16494 for binary128 (16494 fractional digits of which at
 * most about 11565 are significant). The mantissa has up to 113 bits.
 */
#include <stdint.h>
#include "stdio_impl.h"

typedef unsigned __int128 u128;

#define BILLION 1000000000u
#define MAX_LIMBS 530          /* (16494 + 113 + 32) / 32 + slack */
#define MAX_INT_CHUNKS 560     /* ceil(4933 / 9) + slack */

struct fraction {
	uint32_t limb[MAX_LIMBS];  /* value = limb / 2^(32 * n) */
	int n;                     /* number of limbs (the scale) */
	int lo, hi;                /* lowest and highest nonzero limb; lo > hi: zero */
};

/* Multiply the fraction by 10^9; return the integer part that falls out. */
static uint32_t fraction_next_chunk(struct fraction *f)
{
	uint64_t carry = 0;
	int i;

	for (i = f->lo; i <= f->hi; i++) {
		uint64_t t = (uint64_t)f->limb[i] * BILLION + carry;
		f->limb[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry) {
		if (f->hi + 1 < f->n) {
			f->limb[++f->hi] = (uint32_t)carry;
			carry = 0;
		}
	}
	/* A limb times 10^9 can end in 32 zero bits: keep lo and hi tight. */
	while (f->hi >= f->lo && f->limb[f->hi] == 0)
		f->hi--;
	while (f->lo <= f->hi && f->limb[f->lo] == 0)
		f->lo++;
	return (uint32_t)carry;
}

/* Base-10^9 chunks of mant * 2^shift (least significant first). */
static int integer_chunks(u128 mant, int shift, uint32_t *chunk)
{
	int nc = 0;

	if (shift < 64 && (mant >> (64 - shift)) == 0) {
		uint64_t v = (uint64_t)(mant << shift);
		do {
			chunk[nc++] = (uint32_t)(v % BILLION);
			v /= BILLION;
		} while (v);
		return nc;
	}

	uint32_t limb[MAX_LIMBS];
	int word = shift / 32, bit = shift % 32, n = word + 5;

	/* mant << bit: up to 113 + 31 bits, five limbs. */
	for (int i = 0; i < n; i++)
		limb[i] = 0;
	for (int i = 0; i < 4; i++)
		limb[word + i] = (uint32_t)((mant << bit) >> (32 * i));
	if (bit)
		limb[word + 4] = (uint32_t)(mant >> (128 - bit));
	while (n > 0 && limb[n - 1] == 0)
		n--;
	while (n > 0) {
		uint64_t rem = 0;
		for (int i = n - 1; i >= 0; i--) {
			uint64_t cur = (rem << 32) | limb[i];
			limb[i] = (uint32_t)(cur / BILLION);
			rem = cur % BILLION;
		}
		chunk[nc++] = (uint32_t)rem;
		while (n > 0 && limb[n - 1] == 0)
			n--;
	}
	return nc;
}

/* Write the nine digits of c (with leading zeros) at p. */
static void put9(char *p, uint32_t c)
{
	for (int i = 8; i >= 0; i--) {
		p[i] = (char)('0' + c % 10);
		c /= 10;
	}
}

static int digit_count(uint32_t c)
{
	int n = 1;
	while (c >= 10) {
		c /= 10;
		n++;
	}
	return n;
}

int __fmt_decimal(u128 mant, int exp2, int sig, long frac,
		  char *digits, int cap, int *ndigits, int *carried)
{
	uint32_t ichunk[MAX_INT_CHUNKS];
	struct fraction f;
	int nic = 0, n = 0, e10 = 0, sticky = 0, found = 0;
	long need = 0, kept;

	*carried = 0;

	/* Split into integer part and fraction. */
	f.n = 0;
	f.lo = 1;
	f.hi = 0;
	if (exp2 >= 0) {
		nic = integer_chunks(mant, exp2, ichunk);
	} else {
		int k = -exp2;
		u128 fbits = mant;
		if (k < 128) {
			if (mant >> k)
				nic = integer_chunks(mant >> k, 0, ichunk);
			fbits = mant & (((u128)1 << k) - 1);
		}
		if (fbits) {
			/* fbits << s: below 2^(113 + 31), at most five limbs. */
			f.n = (k + 31) / 32;
			int s = 32 * f.n - k;
			int top = f.n < 5 ? f.n : 5;
			for (int i = 0; i < f.n; i++)
				f.limb[i] = 0;
			for (int i = 0; i < top && i < 4; i++)
				f.limb[i] = (uint32_t)((fbits << s) >> (32 * i));
			if (top == 5 && s)
				f.limb[4] = (uint32_t)(fbits >> (128 - s));
			f.lo = 0;
			f.hi = top - 1;
			while (f.limb[f.hi] == 0)
				f.hi--;
			while (f.limb[f.lo] == 0)
				f.lo++;
		}
	}

	/* Collect significant digits until the rounding digit is in hand. */
	if (nic > 0) {
		uint32_t top = ichunk[nic - 1];
		int td = digit_count(top);
		char tmp[9];
		put9(tmp, top);
		for (int i = 9 - td; i < 9; i++)
			digits[n++] = tmp[i];
		e10 = td - 1 + 9 * (nic - 1);
		found = 1;
		need = sig > 0 ? sig + 1 : e10 + 2 + frac;
		int i = nic - 2;
		for (; i >= 0 && n < need && n + 9 <= cap; i--) {
			put9(digits + n, ichunk[i]);
			n += 9;
		}
		for (; i >= 0; i--)
			sticky |= ichunk[i] != 0;
	}
	for (long pos = 0; f.lo <= f.hi; pos += 9) {
		if (found && (n >= need || n + 9 > cap)) {
			sticky = 1;   /* the fraction left is nonzero */
			break;
		}
		uint32_t c = fraction_next_chunk(&f);
		if (!found) {
			if (c == 0) {
				/* Fixed notation: past the rounding digit it is zero. */
				if (sig <= 0 && pos + 9 >= frac + 1) {
					*ndigits = 0;
					return 0;
				}
				continue;
			}
			int cd = digit_count(c);
			char tmp[9];
			put9(tmp, c);
			for (int i = 9 - cd; i < 9; i++)
				digits[n++] = tmp[i];
			e10 = -(int)pos - 1 - (9 - cd);
			found = 1;
			need = sig > 0 ? sig + 1 : e10 + 2 + frac;
			continue;
		}
		put9(digits + n, c);
		n += 9;
	}

	/* Round to nearest, ties to even, at the kept digit count. */
	kept = sig > 0 ? sig : e10 + 1 + frac;
	if (kept < 0) {
		*ndigits = 0;
		return 0;
	}
	if (kept < n) {
		int r = digits[kept] - '0';
		for (int i = (int)kept + 1; i < n && !sticky; i++)
			sticky = digits[i] != '0';
		n = (int)kept;
		int odd = kept > 0 && ((digits[kept - 1] - '0') & 1);
		if (r > 5 || (r == 5 && (sticky || odd))) {
			int i = n - 1;
			while (i >= 0 && digits[i] == '9')
				i--;
			if (i >= 0) {
				digits[i]++;
				n = i + 1;
			} else {
				digits[0] = '1';
				n = 1;
				e10++;
				*carried = 1;
			}
		}
	}
	/* Trailing zeros are implied; drop them so callers see fewer. */
	while (n > 0 && digits[n - 1] == '0')
		n--;
	*ndigits = n;
	return n ? e10 : 0;
}
