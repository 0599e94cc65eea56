/* string.h vs glibc: every size 0..300 and every source/destination
 * alignment 0..15, with guard bytes around each destination. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <strings.h>
#include "harness.h"

void *kiln_memcpy(void *, const void *, size_t);
void *kiln_memmove(void *, const void *, size_t);
void *kiln_memset(void *, int, size_t);
int kiln_memcmp(const void *, const void *, size_t);
void *kiln_memchr(const void *, int, size_t);
void *kiln_memrchr(const void *, int, size_t);
void *kiln_memmem(const void *, size_t, const void *, size_t);
void *kiln_memccpy(void *, const void *, int, size_t);
void *kiln_mempcpy(void *, const void *, size_t);
size_t kiln_strlen(const char *);
size_t kiln_strnlen(const char *, size_t);
char *kiln_strchr(const char *, int);
char *kiln_strrchr(const char *, int);
char *kiln_strchrnul(const char *, int);
int kiln_strcmp(const char *, const char *);
int kiln_strncmp(const char *, const char *, size_t);
int kiln_strcasecmp(const char *, const char *);
int kiln_strncasecmp(const char *, const char *, size_t);
char *kiln_strcpy(char *, const char *);
char *kiln_stpcpy(char *, const char *);
char *kiln_strncpy(char *, const char *, size_t);
char *kiln_stpncpy(char *, const char *, size_t);
char *kiln_strcat(char *, const char *);
char *kiln_strncat(char *, const char *, size_t);
size_t kiln_strspn(const char *, const char *);
size_t kiln_strcspn(const char *, const char *);
char *kiln_strpbrk(const char *, const char *);
char *kiln_strstr(const char *, const char *);
char *kiln_strcasestr(const char *, const char *);
char *kiln_strtok(char *, const char *);
char *kiln_strtok_r(char *, const char *, char **);
char *kiln_strsep(char **, const char *);
char *kiln_strdup(const char *);
char *kiln_strndup(const char *, size_t);
void kiln_free(void *);
size_t kiln_strlcpy(char *, const char *, size_t);
size_t kiln_strlcat(char *, const char *, size_t);
int kiln_strcoll(const char *, const char *);
size_t kiln_strxfrm(char *, const char *, size_t);
char *kiln_strerror(int);
int kiln_strerror_r(int, char *, size_t);
int kiln_ffs(int);
int kiln_ffsll(long long);

#define MAXN 300
#define PAD 64
#define GUARD 0xa5

static unsigned char src[MAXN + 2 * PAD], dst[MAXN + 2 * PAD], ref[MAXN + 2 * PAD];

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void fill_random(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)h_rand();
}

static void test_mem_sizes_alignments(void)
{
	for (size_t n = 0; n <= MAXN; n++) {
		for (int sa = 0; sa < 16; sa++) {
			for (int da = 0; da < 16; da++) {
				unsigned char *s = src + PAD + sa, *d = dst + PAD + da, *r = ref + PAD + da;
				void *ret;

				fill_random(src, sizeof src);
				memset(dst, GUARD, sizeof dst);
				ret = kiln_memcpy(d, s, n);
				memset(ref, GUARD, sizeof ref);
				memcpy(r, s, n);
				CHECK(ret == d && !memcmp(dst, ref, sizeof dst),
				      "memcpy n=%zu src+%d dst+%d: bytes or guard differ", n, sa, da);

				memset(dst, GUARD, sizeof dst);
				memset(ref, GUARD, sizeof ref);
				ret = kiln_memset(d, (int)(n * 7 + sa), n);
				memset(r, (int)(n * 7 + sa), n);
				CHECK(ret == d && !memcmp(dst, ref, sizeof dst),
				      "memset n=%zu dst+%d: bytes or guard differ", n, da);

				/* memcmp: equal, then one differing byte at a random place. */
				memcpy(d, s, n);
				CHECK(kiln_memcmp(d, s, n) == 0, "memcmp equal n=%zu", n);
				if (n) {
					size_t k = h_rand() % n;
					d[k] ^= (unsigned char)(1 + h_rand() % 255);
					CHECK(sign(kiln_memcmp(s, d, n)) == sign(memcmp(s, d, n)),
					      "memcmp n=%zu diff at %zu: expected %d got %d", n, k,
					      sign(memcmp(s, d, n)), sign(kiln_memcmp(s, d, n)));
					int c = s[h_rand() % n];
					CHECK(kiln_memchr(s, c, n) == memchr(s, c, n), "memchr n=%zu c=%d", n, c);
					CHECK(kiln_memrchr(s, c, n) == memrchr(s, c, n), "memrchr n=%zu c=%d", n, c);
				}
				CHECK(kiln_memchr(s, 0x100 + s[0], n) == memchr(s, 0x100 + s[0], n),
				      "memchr n=%zu with c > 255", n);
			}
		}
	}
}

/* Large sizes take the string-instruction paths (above 256 bytes for
 * memcpy, 1 KiB for memset): sizes around those limits and far above,
 * at every destination alignment, guards checked. */
static void test_mem_large(void)
{
	enum { BIG = 70000 };
	static unsigned char s[BIG + 64], d[BIG + 128], r[BIG + 128];
	static const size_t sizes[] = {255, 256, 257, 263, 511, 512, 513, 1023, 1024, 1025, 1031,
				       1100, 4095, 4096, 4097, 65536, 65543, BIG};

	fill_random(s, sizeof s);
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		for (int da = 0; da < 16; da++) {
			size_t n = sizes[i];
			int sa = (int)(h_rand() % 16);
			memset(d, GUARD, sizeof d);
			memset(r, GUARD, sizeof r);
			kiln_memcpy(d + 32 + da, s + sa, n);
			memcpy(r + 32 + da, s + sa, n);
			CHECK(!memcmp(d, r, sizeof d), "memcpy n=%zu src+%d dst+%d", n, sa, da);
			kiln_memset(d + 32 + da, da + 1, n);
			memset(r + 32 + da, da + 1, n);
			CHECK(!memcmp(d, r, sizeof d), "memset n=%zu dst+%d", n, da);
			kiln_memmove(d + 32 + da, d + 40, n);
			memmove(r + 32 + da, r + 40, n);
			CHECK(!memcmp(d, r, sizeof d), "memmove n=%zu overlapping, dst+%d", n, da);
		}
	}
}

/* memmove: every overlap offset in both directions. */
static void test_memmove(void)
{
	static unsigned char buf[2 * MAXN + 2 * PAD], exp[2 * MAXN + 2 * PAD];

	for (size_t n = 0; n <= MAXN; n += (n < 40 ? 1 : 7)) {
		for (int off = -40; off <= 40; off++) {
			size_t so = PAD + 48, doff = (size_t)((long)so + off);
			fill_random(buf, sizeof buf);
			memcpy(exp, buf, sizeof buf);
			memmove(exp + doff, exp + so, n);
			void *ret = kiln_memmove(buf + doff, buf + so, n);
			CHECK(ret == buf + doff && !memcmp(buf, exp, sizeof buf),
			      "memmove n=%zu offset %d: result differs", n, off);
		}
	}
}

/* Strings of every length at every alignment, with junk after the NUL. */
static void test_str_lengths(void)
{
	static char a[MAXN + 2 * PAD], b[MAXN + 2 * PAD], d1[2 * MAXN + 2 * PAD], d2[2 * MAXN + 2 * PAD];

	for (size_t n = 0; n <= MAXN; n++) {
		for (int al = 0; al < 16; al++) {
			char *s = a + PAD + al;
			for (size_t i = 0; i < sizeof a; i++)
				a[i] = (char)(1 + h_rand() % 255);
			s[n] = '\0';
			CHECK(kiln_strlen(s) == n, "strlen len=%zu align=%d: got %zu", n, al, kiln_strlen(s));
			size_t lim = h_rand() % (n + 3);
			CHECK(kiln_strnlen(s, lim) == strnlen(s, lim), "strnlen len=%zu lim=%zu", n, lim);
			int c = n ? (unsigned char)s[h_rand() % n] : 'x';
			CHECK(kiln_strchr(s, c) == strchr(s, c), "strchr len=%zu c=%d", n, c);
			CHECK(kiln_strchr(s, 0) == strchr(s, 0), "strchr len=%zu NUL", n);
			CHECK(kiln_strrchr(s, c) == strrchr(s, c), "strrchr len=%zu c=%d", n, c);
			CHECK(kiln_strchrnul(s, c) == strchrnul(s, c), "strchrnul len=%zu c=%d", n, c);

			/* Copies: dest contents, return value and the guard after. */
			int da = (int)(h_rand() % 16);
			memset(d1, GUARD, sizeof d1);
			memset(d2, GUARD, sizeof d2);
			CHECK(kiln_strcpy(d1 + PAD + da, s) == d1 + PAD + da, "strcpy return");
			strcpy(d2 + PAD + da, s);
			CHECK(!memcmp(d1, d2, sizeof d1), "strcpy len=%zu align=%d/%d", n, al, da);
			memset(d1, GUARD, sizeof d1);
			CHECK(kiln_stpcpy(d1 + PAD + da, s) == d1 + PAD + da + n, "stpcpy return len=%zu", n);
			CHECK(!memcmp(d1, d2, sizeof d1), "stpcpy len=%zu", n);

			size_t k = h_rand() % (n + 8);
			memset(d1, GUARD, sizeof d1);
			memset(d2, GUARD, sizeof d2);
			kiln_strncpy(d1 + PAD, s, k);
			strncpy(d2 + PAD, s, k);
			CHECK(!memcmp(d1, d2, sizeof d1), "strncpy len=%zu n=%zu", n, k);
			CHECK(kiln_stpncpy(d1 + PAD, s, k) == stpncpy(d2 + PAD, s, k) - d2 + d1,
			      "stpncpy return len=%zu n=%zu", n, k);

			memset(d2, GUARD, sizeof d2);
			strcpy(d2 + PAD, "xy");
			memcpy(d1, d2, sizeof d1);
			kiln_strcat(d1 + PAD, s);
			strcat(d2 + PAD, s);
			CHECK(!memcmp(d1, d2, sizeof d1), "strcat len=%zu", n);
			kiln_strncat(d1 + PAD, s, k);
			strncat(d2 + PAD, s, k);
			CHECK(!memcmp(d1, d2, sizeof d1), "strncat len=%zu n=%zu", n, k);

			/* Comparisons: equal strings, a prefix, one changed byte. */
			char *t = b + PAD + (int)(h_rand() % 16);
			memcpy(t, s, n + 1);
			CHECK(kiln_strcmp(s, t) == 0, "strcmp equal len=%zu", n);
			if (n) {
				size_t p = h_rand() % n;
				t[p] = (char)(1 + h_rand() % 255);
				if (h_rand() % 4 == 0)
					t[p] = '\0';
				CHECK(sign(kiln_strcmp(s, t)) == sign(strcmp(s, t)), "strcmp len=%zu diff at %zu", n, p);
				CHECK(sign(kiln_strncmp(s, t, k)) == sign(strncmp(s, t, k)), "strncmp len=%zu n=%zu", n, k);
				CHECK(sign(kiln_strcasecmp(s, t)) == sign(strcasecmp(s, t)), "strcasecmp len=%zu", n);
				CHECK(sign(kiln_strncasecmp(s, t, k)) == sign(strncasecmp(s, t, k)), "strncasecmp len=%zu", n);
			}
		}
	}
}

/* Search functions over a small alphabet, where matches and near misses
 * are frequent; glibc is the oracle. */
static void test_search(void)
{
	char h[200], n[24], acc[8];

	for (long it = 0; it < h_iterations(60000); it++) {
		int alpha = 2 + (int)(h_rand() % 3);
		size_t hl = h_rand() % sizeof h, nl = h_rand() % (it % 4 ? 6 : sizeof n), al = h_rand() % sizeof acc;
		for (size_t i = 0; i < hl; i++)
			h[i] = (char)('a' + h_rand() % alpha);
		h[hl] = 0;
		for (size_t i = 0; i < nl; i++)
			n[i] = (char)('a' + h_rand() % alpha);
		n[nl] = 0;
		for (size_t i = 0; i < al; i++)
			acc[i] = (char)('a' + h_rand() % (alpha + 1));
		acc[al] = 0;
		if (hl > nl && h_rand() % 2) /* plant the needle */
			memcpy(h + h_rand() % (hl - nl), n, nl);
		CHECK(kiln_strstr(h, n) == strstr(h, n), "strstr(\"%s\", \"%s\")", h, n);
		CHECK(kiln_memmem(h, hl, n, nl) == memmem(h, hl, n, nl), "memmem(\"%s\", \"%s\")", h, n);
		n[0] ^= 32 * (int)(h_rand() % 2);
		CHECK(kiln_strcasestr(h, n) == strcasestr(h, n), "strcasestr(\"%s\", \"%s\")", h, n);
		CHECK(kiln_strspn(h, acc) == strspn(h, acc), "strspn(\"%s\", \"%s\")", h, acc);
		CHECK(kiln_strcspn(h, acc) == strcspn(h, acc), "strcspn(\"%s\", \"%s\")", h, acc);
		CHECK(kiln_strpbrk(h, acc) == strpbrk(h, acc), "strpbrk(\"%s\", \"%s\")", h, acc);
	}
	/* A periodic needle in a long periodic haystack (two-way's hard case). */
	static char big[5000], nd[600];
	memset(big, 'a', sizeof big - 1);
	memset(nd, 'a', sizeof nd - 1);
	nd[sizeof nd - 2] = 'b';
	CHECK(kiln_strstr(big, nd) == NULL, "strstr periodic miss");
	big[sizeof big - 2] = 'b';
	CHECK(kiln_strstr(big, nd) == strstr(big, nd), "strstr periodic hit at the end");
}

static void test_tokens(void)
{
	char a[64], b[64], *sa, *sb, *ta, *tb;
	const char *inputs[] = {"", "a", ",,", "a,b,,c", ",a;b;", "  hello world  ", "x;;;y,z"};
	const char *seps[] = {",", ";,", " ", ",; "};

	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		for (size_t j = 0; j < sizeof seps / sizeof *seps; j++) {
			strcpy(a, inputs[i]);
			strcpy(b, inputs[i]);
			ta = kiln_strtok(a, seps[j]);
			tb = strtok(b, seps[j]);
			for (;;) {
				CHECK((ta ? ta - a : -1) == (tb ? tb - b : -1), "strtok(\"%s\", \"%s\")", inputs[i], seps[j]);
				if (!ta || !tb)
					break;
				ta = kiln_strtok(NULL, seps[j]);
				tb = strtok(NULL, seps[j]);
			}
			strcpy(a, inputs[i]);
			strcpy(b, inputs[i]);
			ta = kiln_strtok_r(a, seps[j], &sa);
			tb = strtok_r(b, seps[j], &sb);
			while (ta && tb) {
				CHECK(ta - a == tb - b, "strtok_r(\"%s\", \"%s\")", inputs[i], seps[j]);
				ta = kiln_strtok_r(NULL, seps[j], &sa);
				tb = strtok_r(NULL, seps[j], &sb);
			}
			CHECK(!ta && !tb, "strtok_r(\"%s\", \"%s\") end", inputs[i], seps[j]);
			memset(a, 0, sizeof a);
			memset(b, 0, sizeof b);
			strcpy(a, inputs[i]);
			strcpy(b, inputs[i]);
			sa = a, sb = b;
			do {
				ta = kiln_strsep(&sa, seps[j]);
				tb = strsep(&sb, seps[j]);
				CHECK((ta ? ta - a : -1) == (tb ? tb - b : -1) && (sa ? sa - a : -1) == (sb ? sb - b : -1),
				      "strsep(\"%s\", \"%s\")", inputs[i], seps[j]);
			} while (ta && tb);
			CHECK(!memcmp(a, b, sizeof a), "strsep(\"%s\") buffer", inputs[i]);
		}
	}
}

static void test_misc(void)
{
	char buf[32];
	const char *s = "hello, world";

	char *d = kiln_strdup(s);
	CHECK(d && !strcmp(d, s), "strdup");
	kiln_free(d);
	d = kiln_strndup(s, 5);
	CHECK(d && !strcmp(d, "hello"), "strndup 5");
	kiln_free(d);
	d = kiln_strndup(s, 100);
	CHECK(d && !strcmp(d, s), "strndup 100");
	kiln_free(d);

	/* strlcpy/strlcat: truncation, termination and return values. */
	memset(buf, 'x', sizeof buf);
	CHECK(kiln_strlcpy(buf, s, 6) == strlen(s) && !strcmp(buf, "hello"), "strlcpy truncating");
	CHECK(kiln_strlcpy(buf, s, sizeof buf) == strlen(s) && !strcmp(buf, s), "strlcpy whole");
	CHECK(kiln_strlcpy(buf, s, 0) == strlen(s) && !strcmp(buf, s), "strlcpy size 0 leaves dest");
	strcpy(buf, "ab");
	CHECK(kiln_strlcat(buf, "cdef", 5) == 6 && !strcmp(buf, "abcd"), "strlcat truncating: %s", buf);
	strcpy(buf, "ab");
	CHECK(kiln_strlcat(buf, "cd", sizeof buf) == 4 && !strcmp(buf, "abcd"), "strlcat whole");
	CHECK(kiln_strlcat(buf, "zz", 2) == 4, "strlcat with no NUL in size");

	memset(buf, GUARD, sizeof buf);
	CHECK(kiln_memccpy(buf, s, ',', 20) == buf + 6 && !memcmp(buf, "hello,", 6) && (unsigned char)buf[6] == GUARD,
	      "memccpy stops after the byte");
	CHECK(kiln_memccpy(buf, s, '!', 5) == NULL, "memccpy without the byte");
	CHECK(kiln_mempcpy(buf, s, 5) == buf + 5, "mempcpy return");

	CHECK(sign(kiln_strcoll("abc", "abd")) == -1, "strcoll");
	CHECK(kiln_strxfrm(buf, "xyz", sizeof buf) == 3 && !strcmp(buf, "xyz"), "strxfrm");
	CHECK(kiln_strxfrm(buf, "longer", 2) == 6, "strxfrm short buffer returns the length");

	CHECK(!strcmp(kiln_strerror(ENOMEM), "Out of memory"), "strerror(ENOMEM) = %s", kiln_strerror(ENOMEM));
	CHECK(!strcmp(kiln_strerror(EINVAL), "Invalid argument"), "strerror(EINVAL)");
	CHECK(!strcmp(kiln_strerror(9999), "Unknown error"), "strerror(9999)");
	CHECK(kiln_strerror_r(ERANGE, buf, 4) == ERANGE && strlen(buf) == 3, "strerror_r short buffer");
	CHECK(kiln_strerror_r(ERANGE, buf, sizeof buf) == 0, "strerror_r");

	for (int i = 0; i < 64; i++) {
		long long v = (long long)(h_rand() & ((1ULL << i) | (1ULL << (h_rand() % 64))));
		CHECK(kiln_ffsll(v) == ffsll(v), "ffsll(%llx)", v);
		CHECK(kiln_ffs((int)v) == ffs((int)v), "ffs(%x)", (int)v);
	}
}

int main(void)
{
	test_mem_sizes_alignments();
	test_memmove();
	test_mem_large();
	test_str_lengths();
	test_search();
	test_tokens();
	test_misc();
	return h_report("test_string");
}
