/* printf's floating conversions (%a %e %f %g and capitals, double and
 * long double) against glibc's snprintf, byte for byte: every flag set x
 * widths x precisions over edge values, large precisions on extreme
 * values, rounding ties, then random bit patterns (subnormals, inf, nan,
 * and for the x87 long double its invalid encodings). */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "harness.h"

static double from_bits(uint64_t u)
{
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

/* A long double from a sign-and-exponent word and the top 64 mantissa
 * bits. x87 (x86_64): exactly those bits, integer bit included. IEEE
 * binary128 (aarch64): mant is the top of the 112 fraction bits and the
 * 48 below it are random, so every bit of the format is exercised. */
#if LDBL_MANT_DIG == 64
static long double ld_from_bits(uint64_t mant, uint16_t se)
{
	long double x = 0;
	memcpy(&x, &mant, 8);
	memcpy((char *)&x + 8, &se, 2);
	return x;
}
#elif LDBL_MANT_DIG == 113
static long double ld_from_bits(uint64_t mant, uint16_t se)
{
	unsigned __int128 u = (unsigned __int128)se << 112 |
			      (unsigned __int128)mant << 48 | (h_rand() & ((1ULL << 48) - 1));
	long double x;
	memcpy(&x, &u, sizeof x);
	return x;
}
#else
#error "test_printf_fp: no ld_from_bits for this long double format"
#endif

static const char *const flag_sets[] = {
	"", "-", "+", " ", "#", "0", "-+", "- ", "-#", "-0", "+ ", "+#", "+0", " #", " 0",
	"#0", "-+ ", "-+#", "-+0", "- #", "- 0", "-#0", "+ #", "+ 0", "+#0", " #0", "-+ #",
	"-+ 0", "-+#0", "- #0", "+ #0", "-+ #0",
};
static const char *const widths[] = { "", "1", "4", "8", "13", "20" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".2", ".3", ".6", ".13",
					    ".17", ".20" };
static const char convs[] = "aAeEfFgG";

static void exhaustive_flags(void)
{
	const double values[] = {
		0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 9.5, 99.5, 0.125, 123456.789,
		-9.999999e-5, 1e-5, 1e22, 1e21, 123456789012345678.0, DBL_MAX, DBL_MIN,
		DBL_TRUE_MIN, -DBL_MIN / 3, 0x1.fffffffffffffp-1, 3.0, 1e100, INFINITY,
		-INFINITY, NAN, -NAN,
	};
	const long double ld_values[] = {
		/* The extremes (thousands of digits) are in large_precisions. */
		0.0L, -0.0L, 1.0L, 0.1L, 2.5L, 0x1.fp0L, 1e300L, LDBL_MIN, 1e-300L,
		-1e-40L, 1e40L, 0xf.8p0L, 0xf.fffffffffffffffp0L, INFINITY, -NAN,
		/* Every mantissa bit set (113 on binary128, 64 on x87). */
		1.0L - LDBL_EPSILON / 2, 2.0L - LDBL_EPSILON, 0x1.ffffffffffffffffffffffffffffp-1L,
	};
	char fmt[64];

	for (size_t f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++)
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
			for (size_t p = 0; p < sizeof precisions / sizeof *precisions; p++)
				for (size_t c = 0; c < sizeof convs - 1; c++) {
					snprintf(fmt, sizeof fmt, "[%%%s%s%s%c]", flag_sets[f],
						 widths[w], precisions[p], convs[c]);
					for (size_t v = 0; v < sizeof values / sizeof *values; v++)
						h_check_printf(fmt, values[v]);
					snprintf(fmt, sizeof fmt, "[%%%s%s%sL%c]", flag_sets[f],
						 widths[w], precisions[p], convs[c]);
					for (size_t v = (f + p) % 3; v < sizeof ld_values / sizeof *ld_values;
					     v += 3)
						h_check_printf(fmt, ld_values[v]);
				}
}

static void large_precisions(void)
{
	const double values[] = {
		DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 0x1.fffffffffffffp-1022, 1.0 / 3, 2.0 / 3, 1e300,
		1e-300, 0.1, 5e-324, 123.456, 0x1p-1074 * 3,
	};
	const long double ld_values[] = {
		LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, 1.0L / 3, 1e-4000L, 1e4000L, 0.1L,
	};
	static const int precs[] = { 25, 50, 100, 400, 767, 1074, 1100 };
	static const int ld_precs[] = { 50, 100, 400, 4000, 16445, 16500 };
	char fmt[64];

	for (size_t p = 0; p < sizeof precs / sizeof *precs; p++)
		for (const char *c = "aefg"; *c; c++) {
			snprintf(fmt, sizeof fmt, "%%.%d%c", precs[p], *c);
			for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
				h_check_printf(fmt, values[v]);
				h_check_printf(fmt, -values[v]);
			}
		}
	for (size_t p = 0; p < sizeof ld_precs / sizeof *ld_precs; p++)
		for (const char *c = "aefg"; *c; c++) {
			/* %f of the long double extremes: keep the output in the buffer. */
			snprintf(fmt, sizeof fmt, "%%.%dL%c", *c == 'f' && ld_precs[p] > 4000 ?
				 4000 : ld_precs[p], *c);
			for (size_t v = 0; v < sizeof ld_values / sizeof *ld_values; v++)
				if (!(*c == 'f' && ld_values[v] > 1e100L && ld_precs[p] > 100))
					h_check_printf(fmt, ld_values[v]);
		}
	h_check_printf("%.1000f|%.1000e", 0.0, 0.0);
	h_check_printf("%5000.3f|%-3000e|%03000g", 1.5, 2.5, 3.5);
}

/* Exact decimal ties and near-ties: n/2^k printed with just enough digits. */
static void rounding_ties(void)
{
	char fmt[32];

	for (int k = 1; k <= 12; k++)
		for (int n = 1; n < 600; n += 2) {
			double x = ldexp(n, -k);
			for (int p = 0; p <= k; p++) {
				snprintf(fmt, sizeof fmt, "%%.%df|%%.%de|%%.%dg", p, p, p + 1);
				h_check_printf(fmt, x, x, x);
				h_check_printf(fmt, -x, nextafter(x, 0), nextafter(x, 1e9));
			}
		}
	for (int p = 0; p < 20; p++) {
		snprintf(fmt, sizeof fmt, "%%.%da|%%.%dLa", p, p);
		for (int i = 0; i < 200; i++) {
			uint64_t r = h_rand();
			h_check_printf(fmt, from_bits(r), ld_from_bits(r, (uint16_t)(h_rand() | 0x8000) >> 1));
		}
	}
}

static int random_prec(uint64_t r)
{
	switch (r % 8) {
	case 0: return -1;
	case 1: return 0;
	case 2: return 17;
	case 3: return 30;
	default: return (int)(r >> 3 & 15);
	}
}

static void random_doubles(long n, int long_double)
{
	char fmt[32];

	for (long i = 0; i < n; i++) {
		uint64_t r = h_rand(), bits = h_rand();
		char conv = convs[r % 8];
		int prec = random_prec(r >> 3);
		const char *flags = flag_sets[(r >> 12) % 32];
		int width = (int)(r >> 20 & 31);
		if (prec < 0)
			snprintf(fmt, sizeof fmt, "%%%s%d%s%c", flags, width, long_double ? "L" : "", conv);
		else
			snprintf(fmt, sizeof fmt, "%%%s%d.%d%s%c", flags, width, prec,
				 long_double ? "L" : "", conv);
		if (!long_double) {
			/* Mix in small exponents: most uniform patterns are huge or tiny. */
			if (r >> 40 & 1)
				bits = (bits & 0x800fffffffffffffull) |
				       (uint64_t)(1023 - 40 + (int)(r >> 48 & 127)) << 52;
			h_check_printf(fmt, from_bits(bits));
		} else {
			uint16_t se = (uint16_t)(r >> 32);
			if (r >> 48 & 1)
				se = (uint16_t)((se & 0x8000) | (16383 - 40 + (int)(r >> 49 & 127)));
			/* x87: mostly valid encodings (integer bit set); some
			 * invalid. (binary128 has no integer bit.) */
			if (LDBL_MANT_DIG == 64 && (r >> 56 & 7) != 0)
				bits |= 1ull << 63;
			/* %f of a huge long double is thousands of digits: skip those. */
			if ((conv == 'f' || conv == 'F') && (se & 0x7fff) > 16383 + 400 &&
			    (se & 0x7fff) != 0x7fff)
				continue;
			h_check_printf(fmt, ld_from_bits(bits, se));
		}
	}
}

/* Decimal-looking values, the kind programs print. */
static void random_decimals(long n)
{
	char fmt[32];

	for (long i = 0; i < n; i++) {
		uint64_t r = h_rand();
		double x = (double)(int64_t)(h_rand() >> (r % 60)) / pow(10, (int)(r >> 8 & 31));
		snprintf(fmt, sizeof fmt, "%%.%d%c", (int)(r >> 16 & 15), "efg"[(r >> 24) % 3]);
		h_check_printf(fmt, x);
		h_check_printf("%g %f %e", x, x, x);
	}
}

int main(void)
{
	exhaustive_flags();
	large_precisions();
	rounding_ties();
	random_doubles(h_iterations(400000), 0);
	random_doubles(h_iterations(100000), 1);
	random_decimals(h_iterations(100000));
	return h_report("test_printf_fp");
}
