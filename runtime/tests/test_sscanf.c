/* sscanf against glibc's over generated inputs: integers in every base
 * and length, strings, characters and scan sets, floats (through the
 * runtime's strtod family), and random strings from a number-ish
 * alphabet under random formats. Every destination starts as the same
 * pattern for both, and all of its bytes are compared afterwards, so a
 * store of the wrong size or a store that should not happen shows. */
#include <float.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "harness.h"

int kiln_sscanf(const char *, const char *, ...);
int kiln_vsscanf(const char *, const char *, va_list);

#define NDEST 6
#define DEST_SIZE 64

static unsigned char want[NDEST][DEST_SIZE], got[NDEST][DEST_SIZE];

static void hexdump(char *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

static void check_scan(const char *input, const char *fmt)
{
	memset(want, 0xa5, sizeof want);
	memset(got, 0xa5, sizeof got);
	int rw = sscanf(input, fmt, want[0], want[1], want[2], want[3], want[4], want[5]);
	int rg = kiln_sscanf(input, fmt, got[0], got[1], got[2], got[3], got[4], got[5]);
	int same = rw == rg && memcmp(want, got, sizeof want) == 0;
	char w[2 * DEST_SIZE + 1] = "", g[2 * DEST_SIZE + 1] = "";
	int bad = 0;

	if (!same) {
		for (bad = 0; bad < NDEST; bad++)
			if (memcmp(want[bad], got[bad], DEST_SIZE))
				break;
		if (bad < NDEST) {
			hexdump(w, want[bad], 24);
			hexdump(g, got[bad], 24);
		}
	}
	CHECK(same, "sscanf(\"%s\", \"%s\"): glibc %d, kiln %d; destination %d: glibc %s kiln %s",
	      input, fmt, rw, rg, bad, w, g);
}

static int rnd(int n)
{
	return (int)(h_rand() % (uint64_t)n);
}

static const char *const int_lengths[] = { "hh", "h", "", "l", "ll", "j", "z", "t", "L", "q" };

static void append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

static const char *ws(void)
{
	static const char *const w[] = { "", "", "", " ", "  ", "\t", "\n ", " \v\f\r" };
	return w[rnd(8)];
}

static void random_integer_text(char *buf, size_t size)
{
	uint64_t v = h_rand() >> rnd(64);
	const char *sign = (const char *[]){ "", "", "-", "+" }[rnd(4)];
	switch (rnd(5)) {
	case 0: append(buf, size, "%s%s%llu", ws(), sign, (unsigned long long)v); break;
	case 1: append(buf, size, "%s%s%#llx", ws(), sign, (unsigned long long)v); break;
	case 2: append(buf, size, "%s%s%#llo", ws(), sign, (unsigned long long)v); break;
	case 3: append(buf, size, "%s%s%llX", ws(), sign, (unsigned long long)v); break;
	case 4: /* beyond 64 bits: overflow rules */
		append(buf, size, "%s%s%llu%llu", ws(), sign, (unsigned long long)v,
		       (unsigned long long)h_rand());
		break;
	}
}

static void integers(long n)
{
	char input[256], fmt[128];

	for (long i = 0; i < n; i++) {
		int k = 1 + rnd(3);
		input[0] = fmt[0] = '\0';
		for (int j = 0; j < k; j++) {
			random_integer_text(input, sizeof input);
			if (rnd(3) == 0)
				append(input, sizeof input, "%c", ",;x:-"[rnd(5)]);
			int width = rnd(4) ? 0 : 1 + rnd(24);
			append(fmt, sizeof fmt, "%s%%%s", rnd(4) ? "" : " ", rnd(8) ? "" : "*");
			if (width)
				append(fmt, sizeof fmt, "%d", width);
			append(fmt, sizeof fmt, "%s%c", int_lengths[rnd(10)], "diouxXp"[rnd(7)]);
			if (rnd(3) == 0)
				append(fmt, sizeof fmt, "%%n");
			if (rnd(4) == 0)
				append(fmt, sizeof fmt, "%c", ",;x:-"[rnd(5)]);
		}
		check_scan(input, fmt);
	}
	check_scan("(nil)", "%p");
	check_scan("0x", "%i%n");
	check_scan("0x1", "%1x%s");
	check_scan("0x1", "%2x%s");
	check_scan("08", "%i%s");
	check_scan("-0x10", "%i");
	check_scan("-", "%d");
	check_scan("+", "%u");
	check_scan("", "%d");
	check_scan("   ", "%d");
	check_scan("abc", "abc%d");
	check_scan("5", "%*d%d");
	check_scan("", "%n");
	check_scan("x", "%%");
	check_scan("", "%%");
	check_scan(" %5", "%% %d");
	check_scan("99999999999999999999999", "%d%n");
	check_scan("-99999999999999999999999", "%lld%n");
	check_scan("18446744073709551616", "%llu%n");
	check_scan("-1", "%u");
	check_scan("-1", "%hhu");
}

static void strings(long n)
{
	static const char alphabet[] = "abcXYZ019 \t,]-^[%";
	static const char *const convs[] = {
		"%s", "%3s", "%c", "%4c", "%[a-z]", "%[^,]", "%[]a-c]", "%[^]^]", "%2[0-9]",
		"%*s", "%*c", "%[z-a]", "%[a-]", "%ls", "%lc", "%3l[a-z]", "%%", ",", " ", "%n",
		"X", "%5[^ \t]",
	};
	char input[64], fmt[128];

	for (long i = 0; i < n; i++) {
		int len = rnd(20);
		for (int j = 0; j < len; j++)
			input[j] = alphabet[rnd(sizeof alphabet - 1)];
		input[len] = '\0';
		fmt[0] = '\0';
		for (int j = 0, k = 1 + rnd(5); j < k; j++)
			append(fmt, sizeof fmt, "%s", convs[rnd(sizeof convs / sizeof *convs)]);
		check_scan(input, fmt);
	}
}

static void floats(long n)
{
	static const char *const special[] = {
		"inf", "-Infinity", "INFINITY", "nan", "-NaN", "infin", "in", "na", "1e", "1e+",
		"1ex", "0x", "0x.p1", "0x1p", ".5", "5.", "-.e1", ".", "-", "+.", "1.5e3.5",
		"0xe+1", "nan(12)", "0X1.8P+1", "1e-400", "1e400", "2.4703282292062327e-324",
	};
	static const char *const sizes[] = { "", "l", "L" };
	char input[128], fmt[64];

	for (long i = 0; i < n; i++) {
		input[0] = '\0';
		append(input, sizeof input, "%s", ws());
		if (rnd(8) == 0) {
			append(input, sizeof input, "%s", special[rnd(sizeof special / sizeof *special)]);
		} else {
			uint64_t bits = h_rand();
			double x;
			if (rnd(2))
				bits = (bits & 0x800fffffffffffffull) | (uint64_t)(1023 - 30 + rnd(60)) << 52;
			memcpy(&x, &bits, sizeof x);
			static const char *const printed[] = { "%a", "%.17g", "%e", "%g", "%.3f", "%A", "%.25e" };
			append(input, sizeof input, printed[rnd(7)], x);
		}
		if (rnd(3) == 0)
			append(input, sizeof input, "%c", "x,e.p+5 "[rnd(8)]);
		int width = rnd(3) ? 0 : 1 + rnd(30);
		fmt[0] = '\0';
		append(fmt, sizeof fmt, "%%");
		if (width)
			append(fmt, sizeof fmt, "%d", width);
		append(fmt, sizeof fmt, "%s%c%%n%%s", sizes[rnd(3)], "aAeEfFgG"[rnd(8)]);
		check_scan(input, fmt);
	}
}

/* Random text from a number-ish alphabet under random formats. */
static void fuzz(long n)
{
	static const char alphabet[] = "0123456789abcdefxXpPeEiInNtTyY+-. \t(),";
	static const char *const convs[] = {
		"%d", "%i", "%x", "%o", "%u", "%f", "%lf", "%Lg", "%a", "%s", "%c", "%n", "%3d",
		"%2i", "%4f", "%1x", "%5le", "%[0-9a-f]", " ", ".", "%%", "%hhi", "%ji",
	};
	char input[64], fmt[128];

	for (long i = 0; i < n; i++) {
		int len = rnd(24);
		for (int j = 0; j < len; j++)
			input[j] = alphabet[rnd(sizeof alphabet - 1)];
		input[len] = '\0';
		fmt[0] = '\0';
		for (int j = 0, k = 1 + rnd(4); j < k; j++)
			append(fmt, sizeof fmt, "%s", convs[rnd(sizeof convs / sizeof *convs)]);
		check_scan(input, fmt);
	}
}

static int call_vsscanf(const char *in, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = kiln_vsscanf(in, fmt, ap);
	va_end(ap);
	return r;
}

int main(void)
{
	integers(h_iterations(100000));
	strings(h_iterations(50000));
	floats(h_iterations(100000));
	fuzz(h_iterations(100000));

	int a = 0, b = 0;
	double d = 0;
	int r = call_vsscanf("12 abc 3.25", "%d abc %lf%n", &a, &d, &b);
	CHECK(r == 2 && a == 12 && d == 3.25 && b == 11, "vsscanf: r=%d a=%d d=%g n=%d", r, a, d, b);
	return h_report("test_sscanf");
}
