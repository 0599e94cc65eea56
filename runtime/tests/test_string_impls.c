/* Every implementation of the string functions that have an architecture's
 * own versions (memcpy, memmove, memset, memcmp, memchr, strlen, strchr,
 * strcmp) against glibc: the dispatched public one, each vector width
 * (x86_64: SSE2; AVX2 and, for memcpy, memmove and memset, AVX-512 where
 * the CPU has them), the portable C one and
 * the general-register one (RUNTIME_STRING_GENERAL_REGS); elsewhere
 * (aarch64) the portable ones, which are then the public ones. Every size
 * 0..4096 at every source and destination alignment 0..15, alignments
 * 0..63 around the sizes where the code changes paths, overlapping moves,
 * and objects that end right before (or start right after) an unmapped
 * page: a vector load past the object must not fault. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include "harness.h"

typedef void *memcpy_fn(void *, const void *, size_t);
typedef void *memset_fn(void *, int, size_t);
typedef int memcmp_fn(const void *, const void *, size_t);
typedef void *memchr_fn(const void *, int, size_t);
typedef size_t strlen_fn(const char *);
typedef char *strchr_fn(const char *, int);
typedef int strcmp_fn(const char *, const char *);

/* One implementation; a NULL function is one it does not have. */
struct impl {
	const char *name;
	memcpy_fn *memcpy, *memmove;
	memset_fn *memset;
	memcmp_fn *memcmp;
	memchr_fn *memchr;
	strlen_fn *strlen;
	strchr_fn *strchr;
	strcmp_fn *strcmp;
};

#define DECLARE_ALL(p)                                                    \
	memcpy_fn p##memcpy, p##memmove;                                  \
	memset_fn p##memset;                                              \
	memcmp_fn p##memcmp;                                              \
	memchr_fn p##memchr;                                              \
	strlen_fn p##strlen;                                              \
	strchr_fn p##strchr;                                              \
	strcmp_fn p##strcmp;
#define IMPL_ALL(label, p)                                                \
	{ label, p##memcpy, p##memmove, p##memset, p##memcmp, p##memchr, \
	  p##strlen, p##strchr, p##strcmp }

DECLARE_ALL(kiln_)

#if defined(__x86_64__)
DECLARE_ALL(kiln_portable_)
#define DECLARE_WIDTH(w)                                                  \
	memcpy_fn kiln___memmove_##w;                                     \
	memset_fn kiln___memset_##w;                                      \
	memcmp_fn kiln___memcmp_##w;                                      \
	memchr_fn kiln___memchr_##w;                                      \
	strlen_fn kiln___strlen_##w;                                      \
	strchr_fn kiln___strchr_##w;                                      \
	strcmp_fn kiln___strcmp_##w;
#define IMPL_WIDTH(w)                                                     \
	{ #w, kiln___memmove_##w, kiln___memmove_##w, kiln___memset_##w,  \
	  kiln___memcmp_##w, kiln___memchr_##w, kiln___strlen_##w,        \
	  kiln___strchr_##w, kiln___strcmp_##w }
DECLARE_WIDTH(sse2)
DECLARE_WIDTH(avx2)
memcpy_fn kiln___memmove_avx512;
memset_fn kiln___memset_avx512;
memchr_fn kiln___memchr_avx512;
strlen_fn kiln___strlen_avx512;
strchr_fn kiln___strchr_avx512;
strcmp_fn kiln___strcmp_avx512;
memcpy_fn kiln_general_regs_memcpy, kiln_general_regs_memmove;
memset_fn kiln_general_regs_memset;
#endif

static struct impl impls[] = {
#if defined(__x86_64__)
	IMPL_ALL("dispatched", kiln_),
	IMPL_ALL("portable", kiln_portable_),
	IMPL_WIDTH(sse2),
	IMPL_WIDTH(avx2),
	{ "avx512", kiln___memmove_avx512, kiln___memmove_avx512, kiln___memset_avx512,
	  NULL, kiln___memchr_avx512, kiln___strlen_avx512, kiln___strchr_avx512, kiln___strcmp_avx512 },
	{ "general-regs", kiln_general_regs_memcpy, kiln_general_regs_memmove, kiln_general_regs_memset,
	  NULL, NULL, NULL, NULL, NULL },
#else
	/* No architecture versions (aarch64): the public functions are the
	 * portable C ones. */
	IMPL_ALL("portable", kiln_),
#endif
};

#define MAXN 4096
#define PAD 128
#define GUARD 0xa5

static unsigned char src[MAXN + 2 * PAD], dst[MAXN + 2 * PAD];

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* The 64 bytes before d and after d + n still hold GUARD. */
static int guards_intact(const unsigned char *d, size_t n)
{
	static unsigned char guard[64];
	if (!guard[0])
		memset(guard, GUARD, sizeof guard);
	return !memcmp(d - 64, guard, 64) && !memcmp(d + n, guard, 64);
}

/* The alignments tried at size n: 0..15 for every size, 0..63 around the
 * sizes where the vector code changes paths (vector, 2, 4, 8 vectors, the
 * rep threshold). */
static int max_align(size_t n)
{
	static const size_t edges[] = {16, 32, 64, 128, 256, 512, 2048, 4096};
	for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
		if (n + 2 >= edges[i] && n <= edges[i] + 2)
			return 64;
	return 16;
}

static void test_copy_set(const struct impl *im)
{
	for (size_t i = 0; i < sizeof src; i++)
		src[i] = (unsigned char)(i * 131 + (i >> 8) + 1);
	memset(dst, GUARD, sizeof dst);
	for (size_t n = 0; n <= MAXN; n++) {
		int al = max_align(n);
		for (int sa = 0; sa < al; sa++) {
			for (int da = 0; da < al; da++) {
				unsigned char *s = src + PAD + sa, *d = dst + PAD + da;
				memcpy_fn *fns[2] = {im->memcpy, im->memmove};
				for (int f = 0; f < 2; f++) {
					if (!fns[f])
						continue;
					void *ret = fns[f](d, s, n);
					CHECK(ret == d && !memcmp(d, s, n) && guards_intact(d, n),
					      "%s %s n=%zu src+%d dst+%d: bytes or guard differ", im->name,
					      f ? "memmove" : "memcpy", n, sa, da);
					memset(d, GUARD, n);
				}
				if (im->memset && sa < 2) {
					int c = sa ? (int)(n * 7 + da) : 0x100 + (int)n;
					void *ret = im->memset(d, c, n);
					size_t bad = 0;
					for (size_t k = 0; k < n; k++)
						bad |= d[k] ^ (unsigned char)c;
					CHECK(ret == d && !bad && guards_intact(d, n),
					      "%s memset n=%zu dst+%d c=%#x: bytes or guard differ", im->name, n, da, c);
					memset(d, GUARD, n);
				}
			}
		}
	}
}

/* memmove with the destination overlapping the source, both directions:
 * every offset up to 80, and offsets near the size; sizes to 600 one by
 * one, then around the loop and rep thresholds. */
static void test_overlap(const struct impl *im)
{
	enum { BUF = 26000, SRC = 8400 };
	static unsigned char mb[BUF], exp[BUF];
	static const size_t big[] = {2047, 2048, 2049, 4095, 4096, 4097, 4160, 8191, 8192, 8193};
	size_t sizes[800], ns = 0;

	if (!im->memmove)
		return;
	for (size_t n = 0; n <= 600; n++)
		sizes[ns++] = n;
	for (size_t n = 613; n < 2040; n += 13)
		sizes[ns++] = n;
	for (size_t i = 0; i < sizeof big / sizeof *big; i++)
		sizes[ns++] = big[i];
	for (size_t i = 0; i < BUF; i++)
		mb[i] = exp[i] = (unsigned char)(i * 7 + 3);
	for (size_t i = 0; i < ns; i++) {
		size_t n = sizes[i], so = SRC + n % 61;
		long near[] = {(long)n / 2, (long)n - 1, (long)n, (long)n + 1, 3 * (long)n / 4};
		for (int k = -85; k <= 85; k++) {
			long o = k < -80 ? -near[-81 - k] : k > 80 ? near[k - 81] : k;
			size_t doff = (size_t)((long)so + o);
			size_t lo = (doff < so ? doff : so) - 64, hi = (doff > so ? doff : so) + n + 64;
			memmove(exp + doff, exp + so, n);
			void *ret = im->memmove(mb + doff, mb + so, n);
			CHECK(ret == mb + doff && !memcmp(mb + lo, exp + lo, hi - lo),
			      "%s memmove n=%zu dst-src=%ld: result differs", im->name, n, o);
			/* Both back to the same contents for the next case. */
			memcpy(mb + lo, exp + lo, hi - lo);
		}
	}
}

static void test_memcmp_memchr(const struct impl *im)
{
	static unsigned char a[MAXN + 2 * PAD], b[MAXN + 2 * PAD];

	for (size_t i = 0; i < sizeof a; i++)
		a[i] = (unsigned char)(i % 251 + 1);
	for (size_t n = 0; n <= MAXN; n++) {
		int al = max_align(n);
		for (int sa = 0; sa < al; sa++) {
			for (int da = 0; da < al; da += (al == 64 ? 1 : 3)) {
				unsigned char *s = a + PAD + sa, *t = b + PAD + da;
				if (im->memcmp) {
					memcpy(t, s, n);
					CHECK(im->memcmp(s, t, n) == 0, "%s memcmp equal n=%zu +%d/+%d", im->name, n, sa, da);
					if (n) {
						size_t k = (size_t)(sa * 37 + da) % n;
						t[k] ^= (unsigned char)(1 + (k * 13 + n) % 255);
						CHECK(sign(im->memcmp(s, t, n)) == sign(memcmp(s, t, n)) &&
							      sign(im->memcmp(t, s, n)) == sign(memcmp(t, s, n)),
						      "%s memcmp n=%zu +%d/+%d differs at %zu: expected %d got %d", im->name,
						      n, sa, da, k, sign(memcmp(s, t, n)), sign(im->memcmp(s, t, n)));
						t[k] = s[k];
						/* A difference just past the end does not count. */
						t[n] ^= 1;
						CHECK(im->memcmp(s, t, n) == 0, "%s memcmp n=%zu reads past the end", im->name, n);
						t[n] ^= 1;
					}
				}
				if (im->memchr && da < 3) {
					/* A byte absent from a[], planted at k (maybe past the end). */
					size_t k = n ? (size_t)(sa * 61 + da * 7) % (n + 2) : 0;
					unsigned char save = s[k];
					s[k] = 0;
					CHECK(im->memchr(s, 0, n) == memchr(s, 0, n) && im->memchr(s, 0x100, n) == memchr(s, 0x100, n),
					      "%s memchr(0) n=%zu +%d at %zu", im->name, n, sa, k);
					s[k] = save;
					int c = n ? s[(n * 5 + (size_t)sa) % n] : 1;
					CHECK(im->memchr(s, c, n) == memchr(s, c, n), "%s memchr(%d) n=%zu +%d", im->name,
					      c, n, sa);
				}
			}
		}
	}
	/* memchr's length may be larger than the object when the byte is found. */
	if (im->memchr) {
		a[PAD + 100] = 0;
		CHECK(im->memchr(a + PAD, 0, SIZE_MAX) == a + PAD + 100, "%s memchr(SIZE_MAX)", im->name);
		CHECK(im->memchr(a + PAD + 3, 0, SIZE_MAX - 2) == a + PAD + 100, "%s memchr(SIZE_MAX - 2)", im->name);
		a[PAD + 100] = 101;
	}
}

static void test_strings(const struct impl *im)
{
	static char a[MAXN + 2 * PAD], b[MAXN + 2 * PAD];

	if (!im->strlen)
		return;
	for (size_t i = 0; i < sizeof a; i++)
		a[i] = b[i] = (char)(i % 200 + 32);
	for (size_t n = 0; n <= MAXN; n++) {
		int al = max_align(n);
		for (int sa = 0; sa < al; sa++) {
			char *s = a + PAD + sa;
			char save = s[n];
			s[n] = '\0';
			CHECK(im->strlen(s) == n, "%s strlen n=%zu +%d: got %zu", im->name, n, sa, im->strlen(s));
			int c = n ? (unsigned char)s[(n * 3 + (size_t)sa) % n] : 'x';
			CHECK(im->strchr(s, c) == strchr(s, c) && im->strchr(s, 0) == s + n &&
				      im->strchr(s, 0x100 + c) == strchr(s, c) && im->strchr(s, 1) == NULL,
			      "%s strchr(%d) n=%zu +%d", im->name, c, n, sa);
			for (int da = sa % 3; da < al; da += (al == 64 ? 5 : 3)) {
				char *t = b + PAD + da;
				char tsave = t[n + 1];
				memcpy(t, s, n + 1);
				CHECK(im->strcmp(s, t) == 0, "%s strcmp equal n=%zu +%d/+%d", im->name, n, sa, da);
				if (n) {
					size_t k = (size_t)(sa * 29 + da) % n;
					char old = t[k];
					t[k] = (char)(da & 1 ? 0 : (unsigned char)old ^ 0x81);
					CHECK(sign(im->strcmp(s, t)) == sign(strcmp(s, t)) &&
						      sign(im->strcmp(t, s)) == sign(strcmp(t, s)),
					      "%s strcmp n=%zu +%d/+%d differs at %zu", im->name, n, sa, da, k);
					t[k] = old;
				}
				/* s a prefix of t. */
				t[n] = 'q';
				t[n + 1] = '\0';
				CHECK(sign(im->strcmp(s, t)) < 0 && sign(im->strcmp(t, s)) > 0,
				      "%s strcmp prefix n=%zu +%d/+%d", im->name, n, sa, da);
				t[n] = (char)((PAD + da + n) % 200 + 32);
				t[n + 1] = tsave;
			}
			s[n] = save;
		}
	}
}

/* Objects that end at the last byte before an unmapped page, or start at
 * the first byte after one. A fault stops the test with the case's name. */
static const char *page_case;
static void on_fault(int sig)
{
	(void)sig;
	printf("  FAIL: fault in %s (a read or write outside the object)\n", page_case);
	fflush(stdout);
	_exit(1);
}

static void test_page_edges(const struct impl *im)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t len = 5 * (size_t)page;
	unsigned char *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char what[160];

	CHECK(map != MAP_FAILED, "mmap");
	if (map == MAP_FAILED)
		return;
	/* Pages 0, 2 and 4 unmapped: A (page 1) and B (page 3) are each
	 * between two unmapped pages. */
	for (int p = 0; p < 5; p += 2)
		mprotect(map + p * page, (size_t)page, PROT_NONE);
	unsigned char *a_start = map + page, *a_end = map + 2 * page;
	unsigned char *b_start = map + 3 * page, *b_end = map + 4 * page;
	signal(SIGSEGV, on_fault);
	signal(SIGBUS, on_fault);
	page_case = what;
	for (size_t n = 0; n <= 600; n++) {
		for (int end = 0; end < 2; end++) {
			/* end: the objects end at their page's end; else they
			 * start at their page's start. */
			unsigned char *o = end ? a_end - n : a_start;
			unsigned char *other = end ? b_end - n : b_start;
			snprintf(what, sizeof what, "%s n=%zu %s", im->name, n, end ? "ending at a page" : "starting a page");
			memset(o, 'a', n);
			memset(other, 'a', n);
			if (im->memcpy) {
				im->memcpy(o, other, n);
				im->memmove(other, o, n);
				im->memset(o, 'a', n);
			}
			if (im->memcmp)
				CHECK(im->memcmp(o, other, n) == 0, "%s memcmp", what);
			if (im->memchr) {
				CHECK(im->memchr(o, 'b', n) == NULL, "%s memchr", what);
				if (n)
					CHECK(im->memchr(o, 'a', n) == o, "%s memchr found", what);
			}
			if (im->strlen && n) {
				o[n - 1] = other[n - 1] = '\0';
				CHECK(im->strlen((char *)o) == n - 1, "%s strlen", what);
				CHECK(im->strchr((char *)o, 'b') == NULL, "%s strchr", what);
				CHECK(im->strchr((char *)o, 0) == (char *)o + n - 1, "%s strchr NUL", what);
				CHECK(im->strcmp((char *)o, (char *)other) == 0, "%s strcmp", what);
				/* Against a string ending at B's end, of another length
				 * (so at another alignment). */
				for (size_t m = 1; m <= n && m <= 70; m++) {
					char *y = (char *)b_end - m;
					memset(y, 'a', m - 1);
					y[m - 1] = '\0';
					CHECK(sign(im->strcmp(y, (char *)o)) == sign(strcmp(y, (char *)o)) &&
						      sign(im->strcmp((char *)o, y)) == sign(strcmp((char *)o, y)),
					      "%s strcmp with a string of %zu at a page end", what, m - 1);
				}
			}
		}
	}
	signal(SIGSEGV, SIG_DFL);
	signal(SIGBUS, SIG_DFL);
	munmap(map, len);
}

int main(void)
{
	for (size_t i = 0; i < sizeof impls / sizeof *impls; i++) {
		const struct impl *im = &impls[i];
#if defined(__x86_64__)
		if (!strcmp(im->name, "avx2") && !__builtin_cpu_supports("avx2")) {
			printf("test_string_impls: this CPU has no AVX2; the avx2 versions are not tested\n");
			continue;
		}
		if (!strcmp(im->name, "avx512") && !(__builtin_cpu_supports("avx512f") &&
						     __builtin_cpu_supports("avx512bw") &&
						     __builtin_cpu_supports("avx512vl"))) {
			printf("test_string_impls: this CPU has no AVX-512 (F, BW, VL); the avx512 versions are not tested\n");
			continue;
		}
#endif
		test_copy_set(im);
		test_overlap(im);
		test_memcmp_memchr(im);
		test_strings(im);
		test_page_edges(im);
	}
	return h_report("test_string_impls");
}
