/* strtol family vs glibc: value, end pointer and errno on random and edge
 * inputs in every base (0, 2..36), including overflow. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include "harness.h"

long kiln_strtol(const char *, char **, int);
unsigned long kiln_strtoul(const char *, char **, int);
long long kiln_strtoll(const char *, char **, int);
unsigned long long kiln_strtoull(const char *, char **, int);
intmax_t kiln_strtoimax(const char *, char **, int);
uintmax_t kiln_strtoumax(const char *, char **, int);
int kiln_atoi(const char *);
long kiln_atol(const char *);
long long kiln_atoll(const char *);
extern int kiln_errno;

static void compare(const char *s, int base)
{
	char *e1, *e2;
	int er1, er2;

#define ONE(T, FMT, NAME)                                                              \
	do {                                                                           \
		errno = 0;                                                             \
		kiln_errno = 0;                                                        \
		T want = NAME(s, &e2, base);                                           \
		er2 = errno;                                                           \
		T got = kiln_##NAME(s, &e1, base);                                     \
		er1 = kiln_errno;                                                      \
		CHECK(want == got && e1 == e2 && er1 == er2,                           \
		      #NAME "(\"%s\", %d): expected " FMT " end+%td errno %d, got " FMT \
		      " end+%td errno %d",                                             \
		      s, base, want, e2 - s, er2, got, e1 - s, er1);                   \
	} while (0)

	ONE(long, "%ld", strtol);
	ONE(unsigned long, "%lu", strtoul);
	ONE(long long, "%lld", strtoll);
	ONE(unsigned long long, "%llu", strtoull);
	ONE(intmax_t, "%jd", strtoimax);
	ONE(uintmax_t, "%ju", strtoumax);
#undef ONE
}

static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

int main(void)
{
	static const char *edge[] = {
		"", " ", "+", "-", "0", "-0", "+0", "00", "0x", "0X", "0x0", "0xg", "-0x", "0x1p",
		"  \t\n\v\f\r42", "42abc", "0b101", "017", "089", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "-18446744073709551615",
		"-18446744073709551616", "99999999999999999999999999999", "-1", "+-1", "--1",
		"0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff", "0x10000000000000000",
		"zzzzzzzzzzzzzz", "ZZZZZZZZZZZZZ", "1z", "11111111111111111111111111111111111111111111111111111111111111111",
		" - 1", ("\x80" "1"), "123 456",
	};
	static const int bases[] = {0, 2, 3, 7, 8, 10, 16, 35, 36};

	for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) {
		for (size_t b = 0; b < sizeof bases / sizeof *bases; b++)
			compare(edge[i], bases[b]);
		for (int b = 2; b <= 36; b++)
			compare(edge[i], b);
	}

	/* Random strings: optional space/sign/prefix, digits that are often
	 * valid for the base and sometimes not, lengths around overflow. */
	char buf[80];
	for (long it = 0; it < h_iterations(400000); it++) {
		int base = (int)(h_rand() % 36);
		if (base == 1)
			base = 0;
		size_t n = 0, len = h_rand() % 70;
		if (h_rand() % 4 == 0)
			buf[n++] = " \t\n"[h_rand() % 3];
		if (h_rand() % 2)
			buf[n++] = "+-"[h_rand() % 2];
		if (h_rand() % 8 == 0)
			buf[n++] = '0', buf[n++] = "xX"[h_rand() % 2];
		int range = base ? base + (int)(h_rand() % 3) : 17;
		while (len-- && n < sizeof buf - 1)
			buf[n++] = digits[h_rand() % (unsigned)range];
		buf[n] = '\0';
		compare(buf, base);
	}

	/* Values exactly at and around every type's limits, in several bases. */
	for (int b = 2; b <= 36; b++) {
		unsigned long long vals[] = {ULLONG_MAX, LLONG_MAX, (unsigned long long)LLONG_MAX + 1, 0, 1};
		for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
			for (int d = -1; d <= 1; d++) {
				unsigned long long v = vals[i] + (unsigned long long)d;
				char tmp[80], *p = tmp + sizeof tmp;
				*--p = '\0';
				do {
					*--p = digits[v % (unsigned)b];
					v /= (unsigned)b;
				} while (v);
				compare(p, b);
				*--p = '-';
				compare(p, b);
			}
		}
	}

	CHECK(kiln_atoi("  -123xyz") == -123, "atoi(\"  -123xyz\")");
	CHECK(kiln_atol("2147483648") == 2147483648L, "atol(2147483648)");
	CHECK(kiln_atoll("-9223372036854775808") == LLONG_MIN, "atoll(LLONG_MIN)");
	return h_report("test_strtol");
}
