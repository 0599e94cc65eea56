/* Kiln runtime host benchmark: kiln's string functions and allocator
 * against glibc's, on this host, in the same run. Built by
 * tests/bench/runtime-host.sh with the prefixed runtime archive of
 * runtime/tests.
 *
 * Each figure is the fastest of many short batches of calls (some
 * microseconds each), glibc's, kiln's and the SSE2 version's batches taken
 * in turn: other processes load the machine, and a batch that a context
 * switch or an interrupt slowed down is never the fastest, so the figures
 * hold under load where a long run's average does not.
 *
 * Both sides are called where their dispatch lands: glibc's function is
 * the one its IFUNC resolver picked (its address, without the PLT's
 * jump), kiln's the vector width its dispatcher picks on this CPU
 * (x86_64: AVX2 if the CPU has it, AVX-512 for memcpy, memmove,
 * memset, memchr, strlen, strchr and strcmp if it has that), without the jump through the public
 * symbol; a program pays one indirect jump on either side. "sse2" is
 * kiln's SSE2 version, the one hvt and virtio guests get (they leave AVX
 * off). Other architectures: kiln's public functions. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *kiln_memcpy(void *, const void *, size_t);
void *kiln_memmove(void *, const void *, size_t);
void *kiln_memset(void *, int, size_t);
int kiln_memcmp(const void *, const void *, size_t);
void *kiln_memchr(const void *, int, size_t);
size_t kiln_strlen(const char *);
char *kiln_strchr(const char *, int);
int kiln_strcmp(const char *, const char *);
void *kiln_malloc(size_t);
void kiln_free(void *);
void *kiln_realloc(void *, size_t);
#if defined(__x86_64__)
void *kiln___memmove_sse2(void *, const void *, size_t);
void *kiln___memset_sse2(void *, int, size_t);
int kiln___memcmp_sse2(const void *, const void *, size_t);
void *kiln___memchr_sse2(const void *, int, size_t);
size_t kiln___strlen_sse2(const char *);
char *kiln___strchr_sse2(const char *, int);
int kiln___strcmp_sse2(const char *, const char *);
void *kiln___memmove_avx2(void *, const void *, size_t);
void *kiln___memset_avx2(void *, int, size_t);
int kiln___memcmp_avx2(const void *, const void *, size_t);
void *kiln___memchr_avx2(const void *, int, size_t);
size_t kiln___strlen_avx2(const char *);
char *kiln___strchr_avx2(const char *, int);
int kiln___strcmp_avx2(const char *, const char *);
void *kiln___memmove_avx512(void *, const void *, size_t);
void *kiln___memset_avx512(void *, int, size_t);
void *kiln___memchr_avx512(const void *, int, size_t);
size_t kiln___strlen_avx512(const char *);
char *kiln___strchr_avx512(const char *, int);
int kiln___strcmp_avx512(const char *, const char *);
#define SSE2(name) kiln___##name##_sse2
#define AVX2(name) kiln___##name##_avx2
#define AVX512(name) kiln___##name##_avx512
#else
#define SSE2(name) NULL
#define AVX2(name) NULL
#define AVX512(name) NULL
#endif

enum { RUNS = 5 };

/* Batches per figure (KILN_BENCH_SCALE scales them). */
static int batches = 400;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double scale = 1.0;
static volatile size_t sink;
static char src[(1 << 20) + 64] __attribute__((aligned(64)));
static char dst[(1 << 20) + 64] __attribute__((aligned(64)));

/* One operation on n bytes, through a pointer the compiler cannot see
 * through, so neither side is inlined or elided. The results are summed
 * in a register and stored once per batch: a store and load of a
 * volatile per call would put a memory round trip (about 1.5 ns here,
 * half an 8-byte call) into every figure. */
struct op {
	const char *name;
	void *glibc, *kiln, *sse2, *avx2, *avx512;
	size_t (*call)(void *fn, size_t n);
	void (*setup)(size_t n);
	void (*teardown)(size_t n);
};

static size_t call_copy(void *fn, size_t n)
{
	return (size_t)((void *(*)(void *, const void *, size_t))fn)(dst, src, n);
}
static size_t call_set(void *fn, size_t n)
{
	return (size_t)((void *(*)(void *, int, size_t))fn)(dst, (int)n, n);
}
static size_t call_memcmp(void *fn, size_t n)
{
	return (size_t)((int (*)(const void *, const void *, size_t))fn)(dst, src, n);
}
static size_t call_memchr(void *fn, size_t n)
{
	return (size_t)((void *(*)(const void *, int, size_t))fn)(src, 'b', n);
}
static size_t call_strlen(void *fn, size_t n)
{
	(void)n;
	return ((size_t (*)(const char *))fn)(src);
}
static size_t call_strchr(void *fn, size_t n)
{
	(void)n;
	return (size_t)((char *(*)(const char *, int))fn)(src, 'b');
}
static size_t call_strcmp(void *fn, size_t n)
{
	(void)n;
	return (size_t)((int (*)(const char *, const char *))fn)(dst, src);
}

/* src: n bytes of 'a' then a NUL; dst the same (equal buffers and strings). */
static void setup_string(size_t n)
{
	src[n] = '\0';
	memcpy(dst, src, n + 1);
}
static void teardown_string(size_t n)
{
	src[n] = 'a';
	dst[n] = 'a';
}
static void setup_equal(size_t n)
{
	memcpy(dst, src, n);
}

/* avx512: kiln's AVX-512 version, where it has one, else NULL. */
#define OP(label, fn, body, kind, setup, teardown, avx512) \
	{ label, (void *)fn, (void *)kiln_##fn, (void *)SSE2(body), (void *)AVX2(body), (void *)(avx512), \
	  kind, setup, teardown }

static const struct op ops[] = {
	OP("memcpy", memcpy, memmove, call_copy, NULL, NULL, AVX512(memmove)),
	OP("memmove", memmove, memmove, call_copy, NULL, NULL, AVX512(memmove)),
	OP("memset", memset, memset, call_set, NULL, NULL, AVX512(memset)),
	OP("memcmp", memcmp, memcmp, call_memcmp, setup_equal, NULL, NULL),
	OP("memchr", memchr, memchr, call_memchr, NULL, NULL, AVX512(memchr)),
	OP("strlen", strlen, strlen, call_strlen, setup_string, teardown_string, AVX512(strlen)),
	OP("strchr", strchr, strchr, call_strchr, setup_string, teardown_string, AVX512(strchr)),
	OP("strcmp", strcmp, strcmp, call_strcmp, setup_string, teardown_string, AVX512(strcmp)),
};

/* Seconds for iters calls of fn on n bytes. */
static double time_calls(const struct op *op, void *fn, size_t n, size_t iters)
{
	size_t results = 0;
	double t0 = now();
	for (size_t i = 0; i < iters; i++)
		results += op->call(fn, n);
	double t = now() - t0;
	sink += results;
	return t;
}

static double mixed_alloc(void *(*m)(size_t), void (*f)(void *), void *(*r)(void *, size_t), long ops)
{
	enum { SLOTS = 2048 };
	static void *slot[SLOTS];
	uint64_t x = 88172645463325252ULL;
	double t0 = now();

	for (long i = 0; i < ops; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t k = x % SLOTS;
		if (slot[k]) {
			if ((x >> 20) % 8 == 0) {
				slot[k] = r(slot[k], (x >> 32) % 1024 + 1);
				continue;
			}
			f(slot[k]);
			slot[k] = NULL;
		} else {
			/* Mostly small objects, a few medium and large ones. */
			size_t size = (x >> 24) % 16 == 0 ? (x >> 32) % 65536 : (x >> 32) % 256 + 8;
			slot[k] = m(size);
			*(char *)slot[k] = 1;
		}
	}
	for (size_t k = 0; k < SLOTS; k++) {
		f(slot[k]);
		slot[k] = NULL;
	}
	return ops / (now() - t0);
}

/* Whether name is in list (comma-separated; NULL lists everything). */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; p; p = strchr(p, ','), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return !list;
}

int main(void)
{
	static const size_t sizes[] = {8, 16, 32, 64, 128, 256, 1024, 4096, 65536, 1 << 20};
	const char *s = getenv("KILN_BENCH_SCALE");
	const char *only = getenv("KILN_BENCH_OPS");
	double worst = 1e30;
	const char *worst_what = "";
	size_t worst_n = 0;

	if (s)
		scale = atof(s);
	batches = (int)(batches * scale) + 3;
	memset(src, 'a', sizeof src);
	memset(dst, 'a', sizeof dst);
	printf("%-8s %8s %11s %11s %7s", "op", "size", "glibc GB/s", "kiln GB/s", "ratio");
#if defined(__x86_64__)
	printf(" %11s %7s", "sse2 GB/s", "ratio");
#endif
	printf("\n");
	for (size_t o = 0; o < sizeof ops / sizeof *ops; o++) {
		const struct op *op = &ops[o];
		void *kiln = op->kiln;
		if (!listed(only, op->name))
			continue;
#if defined(__x86_64__)
		kiln = __builtin_cpu_supports("avx2") ? op->avx2 : op->sse2;
		if (op->avx512 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
		    __builtin_cpu_supports("avx512vl"))
			kiln = op->avx512;
#endif
		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
			size_t n = sizes[i];
			size_t iters = 100000 / (n + 64) + 1;
			double g = 1e30, k = 1e30, v = 1e30;
			if (op->setup)
				op->setup(n);
			for (int b = 0; b < batches; b++) {
				double t = time_calls(op, op->glibc, n, iters);
				g = t < g ? t : g;
				t = time_calls(op, kiln, n, iters);
				k = t < k ? t : k;
				if (op->sse2) {
					t = time_calls(op, op->sse2, n, iters);
					v = t < v ? t : v;
				}
			}
			if (op->teardown)
				op->teardown(n);
			double bytes = (double)n * (double)iters;
			printf("%-8s %8zu %11.2f %11.2f %7.2f", op->name, n, bytes / g / 1e9, bytes / k / 1e9, g / k);
			if (op->sse2)
				printf(" %11.2f %7.2f", bytes / v / 1e9, g / v);
			printf("\n");
			if (g / k < worst)
				worst = g / k, worst_what = op->name, worst_n = n;
		}
	}
	if (!listed(only, "malloc"))
		goto out;
	long nops = (long)(scale * 4e6) + 1;
	double g = 0, k = 0;
	for (int run = 0; run < RUNS; run++) {
		double a = mixed_alloc(malloc, free, realloc, nops);
		double b = mixed_alloc(kiln_malloc, kiln_free, kiln_realloc, nops);
		g = a > g ? a : g;
		k = b > k ? b : k;
	}
	printf("%-8s %8s %11s %11s %7s\n", "op", "", "glibc Mop/s", "kiln Mop/s", "ratio");
	printf("%-8s %8s %11.2f %11.2f %7.2f\n", "malloc", "mixed", g / 1e6, k / 1e6, k / g);
out:
	printf("lowest string ratio (kiln/glibc): %.2f (%s, %zu bytes)\n", worst, worst_what, worst_n);
	return 0;
}
