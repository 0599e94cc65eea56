/* printf family, integer and text conversions, against glibc's snprintf:
 * every flag set x a range of widths and precisions x every length
 * modifier over edge values, then random values and random specs. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <stddef.h>
#include <limits.h>
#include <wchar.h>
#include "harness.h"

static const char *const flag_sets[] = {
	"", "-", "+", " ", "#", "0", "-+", "- ", "-#", "-0", "+ ", "+#", "+0", " #", " 0",
	"#0", "-+ ", "-+#", "-+0", "- #", "- 0", "-#0", "+ #", "+ 0", "+#0", " #0", "-+ #",
	"-+ 0", "-+#0", "- #0", "+ #0", "-+ #0",
};
static const char *const widths[] = { "", "1", "2", "3", "5", "8", "10", "20" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".2", ".3", ".5", ".10", ".20" };

struct length {
	const char *mod;
	int bits;          /* argument width in bits */
};
static const struct length lengths[] = {
	{ "hh", 8 }, { "h", 16 }, { "", 32 }, { "l", 64 }, { "ll", 64 },
	{ "j", 64 }, { "z", 64 }, { "t", 64 },
};

/* Pass v as the argument type the length modifier expects. */
static void check_int(const char *fmt, int bits, uint64_t v)
{
	if (bits <= 32)
		h_check_printf(fmt, (unsigned)v);
	else
		h_check_printf(fmt, (unsigned long long)v);
}

static void exhaustive_integers(void)
{
	static const uint64_t values[] = {
		0, 1, 7, 8, 9, 10, 15, 16, 100, 127, 128, 255, 256, 4095, 32767, 32768, 65535,
		65536, 2147483647, 2147483648u, 4294967295u, 4294967296ull, 1234567890123ull,
		0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
		0xfffffffffffffff6ull, 0xffffffff80000000ull, 0xffffffffffff8000ull,
	};
	const char convs[] = "diouxX";
	char fmt[64];

	for (size_t f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++)
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
			for (size_t p = 0; p < sizeof precisions / sizeof *precisions; p++)
				for (size_t l = 0; l < sizeof lengths / sizeof *lengths; l++)
					for (size_t c = 0; c < sizeof convs - 1; c++) {
						snprintf(fmt, sizeof fmt, "[%%%s%s%s%s%c]", flag_sets[f],
							 widths[w], precisions[p], lengths[l].mod,
							 convs[c]);
						for (size_t v = 0; v < sizeof values / sizeof *values;
						     v += (f + w + p) % 3 + 1)
							check_int(fmt, lengths[l].bits, values[v]);
					}
}

static void text_conversions(void)
{
	static const char *const strings[] = { "", "a", "hello", "hello, world", NULL };
	static const int chars[] = { 'a', ' ', 'Z', 0x7f, 0xe9, 0 };
	char fmt[64];

	for (size_t f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++)
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
			for (size_t p = 0; p < sizeof precisions / sizeof *precisions; p++) {
				snprintf(fmt, sizeof fmt, "<%%%s%s%ss>", flag_sets[f], widths[w],
					 precisions[p]);
				for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
					h_check_printf(fmt, strings[i]);
				snprintf(fmt, sizeof fmt, "<%%%s%s%sc>", flag_sets[f], widths[w],
					 precisions[p]);
				for (size_t i = 0; i < sizeof chars / sizeof *chars; i++)
					h_check_printf(fmt, chars[i]);
				snprintf(fmt, sizeof fmt, "<%%%s%s%sp>", flag_sets[f], widths[w],
					 precisions[p]);
				h_check_printf(fmt, (void *)0);
				h_check_printf(fmt, (void *)1);
				h_check_printf(fmt, (void *)0x7ffe12345678);
				h_check_printf(fmt, (void *)~(uintptr_t)0);
				snprintf(fmt, sizeof fmt, "<%%%s%s%s%%>", flag_sets[f], widths[w],
					 precisions[p]);
				h_check_printf(fmt);
			}
	h_check_printf("%ls|%5ls|%-5ls|%.2ls|%lc|%3lc", L"wide", L"ab", L"ab", L"wide", (wint_t)'x',
		  (wint_t)'y');
	h_check_printf("%s%s%s", "", "abc", "");
	h_check_printf("no conversions at all");
	h_check_printf("");
	h_check_printf("%%%%%c%%", 'q');
	/* Unknown conversions are printed as written, as glibc does. */
	h_check_printf("[%y] [%5k] [%-3.2w]");
	h_check_printf("50%");
}

/* '*' width and precision, negative ones included. */
static void star_arguments(void)
{
	for (int w = -25; w <= 25; w += 3)
		for (int p = -3; p <= 22; p += 2) {
			h_check_printf("%*.*d|%-*.*x|%*.*s|%*c", w, p, -12345, w, p, 0xbeef, w, p,
				  "string", w, 'c');
			h_check_printf("%0*d|%0*.*o|%#*.*X", w, 42, w, p, 0777, w, p, 0xabc);
		}
}

static void random_integers(void)
{
	const char convs[] = "diouxX";
	char fmt[64];
	long n = h_iterations(300000);

	for (long i = 0; i < n; i++) {
		uint64_t r = h_rand();
		const struct length *l = &lengths[r % 8];
		uint64_t v = h_rand();
		/* Bias toward short numbers now and then. */
		if (r >> 8 & 1)
			v >>= h_rand() % 64;
		int width = (int)(r >> 16 & 31) - 4;
		int prec = (int)(r >> 24 & 31) - 6;
		char wbuf[8] = "", pbuf[8] = "";
		if (width >= 0)
			snprintf(wbuf, sizeof wbuf, "%d", width);
		if (prec >= -1)
			snprintf(pbuf, sizeof pbuf, prec == -1 ? "." : ".%d", prec);
		snprintf(fmt, sizeof fmt, "%%%s%s%s%s%c", flag_sets[(r >> 32) % 32], wbuf, pbuf,
			 l->mod, convs[(r >> 40) % 6]);
		check_int(fmt, l->bits, v);
	}
}

static void count_conversions(void)
{
	signed char hh = 0;
	short h = 0;
	int i = 0;
	long l = 0;
	long long ll = 0;
	intmax_t j = 0;
	size_t z = 0;
	ptrdiff_t t = 0;
	char buf[300], out[300];
	int kiln_snprintf(char *, size_t, const char *, ...);
	int r;

	r = kiln_snprintf(buf, sizeof buf, "%s%hhn%s%hn%d%n%s%ln%s%lln%s%jn%s%zn%s%tn|", "abc",
			  &hh, "de", &h, 12345, &i, "fghij", &l, "k", &ll, "lmnop", &j, "q", &z,
			  "rstuvwxyz", &t);
	CHECK(r == 32 && hh == 3 && h == 5 && i == 10 && l == 15 && ll == 16 && j == 21 &&
		      z == 22 && t == 31,
	      "%%n family: r=%d hh=%d h=%d i=%d l=%ld ll=%lld j=%jd z=%zu t=%td", r, hh, h, i, l,
	      ll, j, z, t);
	/* %n counts what would have been written, not what fit. */
	r = kiln_snprintf(buf, 4, "%s%n", "0123456789", &i);
	CHECK(r == 10 && i == 10 && strcmp(buf, "012") == 0,
	      "%%n past the end: r=%d n=%d buf=\"%s\"", r, i, buf);
	/* %hhn wraps like glibc's. */
	memset(buf, 'x', 299);
	buf[299] = 0;
	r = kiln_snprintf(out, sizeof out, "%s%hhn", buf, &hh);
	CHECK(r == 299 && hh == (signed char)299, "%%hhn of 299: %d", hh);
}

int main(void)
{
	exhaustive_integers();
	text_conversions();
	star_arguments();
	random_integers();
	count_conversions();
	return h_report("test_printf");
}
