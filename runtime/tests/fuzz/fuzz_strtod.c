/* Kiln runtime fuzz target: strtod, strtof, strtold against glibc.
 *
 * The input, as a C string, goes through both libraries; the value's bits,
 * the end pointer and errno must agree, else the target prints the case
 * and aborts (libFuzzer saves the input as crash-*). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print_escaped.h"

double kiln_strtod(const char *, char **);
float kiln_strtof(const char *, char **);
long double kiln_strtold(const char *, char **);
extern int kiln_errno;

static _Noreturn void mismatch(const char *fn, const char *s, const void *g,
			       const void *k, size_t size, long gend, long kend,
			       int gerr, int kerr)
{
	fprintf(stderr, "fuzz_strtod: %s mismatch on input \"", fn);
	print_escaped(stderr, s);
	fprintf(stderr, "\"\n  glibc: ");
	for (size_t i = size; i-- > 0;)
		fprintf(stderr, "%02x", ((const unsigned char *)g)[i]);
	fprintf(stderr, " end+%ld errno %d\n  kiln:  ", gend, gerr);
	for (size_t i = size; i-- > 0;)
		fprintf(stderr, "%02x", ((const unsigned char *)k)[i]);
	fprintf(stderr, " end+%ld errno %d\n", kend, kerr);
	abort();
}

/* glibc 2.36 misrounds some hexadecimal inputs in the subnormal range
 * (e.g. strtod("0x1.fffffffffffe98p-1023") gives 0x0.ffffffffffff4p-1022,
 * the exact value being 0x0.ffffffffffff4cp-1022; strtof("0x1.000001p-150")
 * gives 0 instead of 0x1p-149), while its decimal path is right. For a
 * hexadecimal input glibc disagrees on, this oracle decides: the digits
 * are the value's bits, so rounding them to p bits (ties to even, gradual
 * underflow, ERANGE when tiny after rounding and inexact) needs no
 * arithmetic beyond counting. Returns 0 if s is not a hexadecimal number. */
static int hex_oracle(const char *s, const char *end, int p, int emin, int emax,
		      long double *value, int *erange)
{
	const char *q = s;
	int negative = 0;

	while (*q == ' ' || (*q >= '\t' && *q <= '\r'))
		q++;
	if (*q == '+' || *q == '-')
		negative = *q++ == '-';
	if (!(q[0] == '0' && (q[1] | 0x20) == 'x') || end <= q + 2)
		return 0;
	q += 2;
	unsigned char *bits = malloc(4 * (size_t)(end - q) + 1);
	long nb = 0, point = -1, e = 0;
	for (; q < end; q++) {
		int c = *q | 0x20, d;
		if (*q == '.' && point < 0) {
			point = nb;
			continue;
		}
		if (*q >= '0' && *q <= '9')
			d = *q - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			break;
		for (int k = 3; k >= 0; k--)
			bits[nb++] = (unsigned char)((d >> k) & 1);
	}
	if (point < 0)
		point = nb;
	if (q < end && (*q | 0x20) == 'p') {
		e = strtol(q + 1, NULL, 10);
		if (e > (1L << 40))
			e = 1L << 40;
		if (e < -(1L << 40))
			e = -(1L << 40);
	}
	long first = 0;
	while (first < nb && !bits[first])
		first++;
	*erange = 0;
	if (first == nb) {
		*value = negative ? -0.0L : 0.0L;
		free(bits);
		return 1;
	}
	/* Bit i weighs 2^(point - 1 - i + e). */
	long lead = point - 1 - first + e;
	long min_ulp = emin - (p - 1);
	unsigned __int128 m[2];
	int inexact = 0;
	for (int pass = 0; pass < 2; pass++) { /* 0: real, 1: unbounded */
		long ulp = lead - (p - 1);
		if (pass == 0 && ulp < min_ulp)
			ulp = min_ulp;
		long last = point - 1 + e - ulp; /* last kept bit's index */
		unsigned __int128 v = 0;
		for (long i = first; i <= last && i < nb; i++)
			v = v * 2 + bits[i];
		if (last >= nb)
			v <<= last - nb + 1;
		int round = last + 1 >= 0 && last + 1 < nb && bits[last + 1];
		int sticky = 0;
		for (long i = last + 2 < 0 ? 0 : last + 2; i < nb && !sticky; i++)
			sticky = bits[i];
		if (pass == 0)
			inexact = round | sticky;
		if (round && (sticky || (v & 1)))
			v++;
		m[pass] = v;
		if (pass == 0) {
			if (v >> p) {
				v >>= 1;
				ulp++;
			}
			if (lead > emax || ((v >> (p - 1)) && ulp + p - 1 > emax)) {
				*value = negative ? -HUGE_VALL : HUGE_VALL;
				*erange = 1;
				free(bits);
				return 1;
			}
			*value = ldexpl((long double)(uint64_t)v, (int)ulp);
			if (negative)
				*value = -*value;
		}
	}
	int tiny = lead < emin && !(lead == emin - 1 && (m[1] >> p));
	*erange = tiny && inexact;
	free(bits);
	return 1;
}

#define COMPARE(fn, kfn, type, size, p, emin, emax)                        \
	do {                                                                  \
		char *ge, *ke;                                                \
		errno = 0;                                                    \
		type g = fn(s, &ge);                                          \
		int gerr = errno;                                             \
		kiln_errno = 0;                                               \
		type k = kfn(s, &ke);                                         \
		int kerr = kiln_errno;                                        \
		long double ov;                                               \
		int oerange;                                                  \
		if (ge != ke)                                                 \
			mismatch(#fn, s, &g, &k, size, ge - s, ke - s, gerr,  \
				 kerr);                                       \
		if (memcmp(&g, &k, size) == 0 && gerr == kerr)                \
			break;                                                \
		if (hex_oracle(s, ke, p, emin, emax, &ov, &oerange)) {        \
			type o = (type)ov;                                    \
			if (memcmp(&o, &k, size) == 0 &&                      \
			    kerr == (oerange ? ERANGE : 0))                   \
				break; /* glibc's hex rounding bug */         \
		}                                                             \
		mismatch(#fn, s, &g, &k, size, ge - s, ke - s, gerr, kerr);   \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	COMPARE(strtod, kiln_strtod, double, 8, 53, -1022, 1023);
	COMPARE(strtof, kiln_strtof, float, 4, 24, -126, 127);
	COMPARE(strtold, kiln_strtold, long double, 10, 64, -16382, 16383);
	free(s);
	return 0;
}
