/* Kiln runtime host benchmark: kiln's memcpy/memset/strlen and allocator
 * against glibc's, on this host. Built by tests/bench/runtime-host.sh
 * with the prefixed runtime archive of runtime/tests. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *kiln_memcpy(void *, const void *, size_t);
void *kiln_memset(void *, int, size_t);
size_t kiln_strlen(const char *);
void *kiln_malloc(size_t);
void kiln_free(void *);
void *kiln_realloc(void *, size_t);

/* Called through volatile pointers so the compiler cannot inline or
 * elide either side. */
static void *(*volatile g_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile k_memcpy)(void *, const void *, size_t) = kiln_memcpy;
static void *(*volatile g_memset)(void *, int, size_t) = memset;
static void *(*volatile k_memset)(void *, int, size_t) = kiln_memset;
static size_t (*volatile g_strlen)(const char *) = strlen;
static size_t (*volatile k_strlen)(const char *) = kiln_strlen;
static void *(*volatile g_malloc)(size_t) = malloc;
static void *(*volatile k_malloc)(size_t) = kiln_malloc;
static void (*volatile g_free)(void *) = free;
static void (*volatile k_free)(void *) = kiln_free;
static void *(*volatile g_realloc)(void *, size_t) = realloc;
static void *(*volatile k_realloc)(void *, size_t) = kiln_realloc;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double scale = 1.0;
static volatile size_t sink;

/* Bytes per second of fn over size-byte buffers (best of 3 runs). */
#define THROUGHPUT(call, size)                                                  \
	({                                                                      \
		size_t iters = (size_t)(scale * 4e8 / ((size) + 32)) + 1;      \
		double best = 1e30;                                             \
		for (int run = 0; run < 3; run++) {                             \
			double t0 = now();                                      \
			for (size_t i = 0; i < iters; i++)                      \
				call;                                           \
			double t = now() - t0;                                  \
			if (t < best)                                           \
				best = t;                                       \
		}                                                               \
		(double)(size) * iters / best / 1e9;                           \
	})

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

int main(void)
{
	static const size_t sizes[] = {16, 64, 256, 4096, 65536, 1 << 20};
	static char src[(1 << 20) + 64], dst[(1 << 20) + 64];
	const char *s = getenv("KILN_BENCH_SCALE");

	if (s)
		scale = atof(s);
	memset(src, 'a', sizeof src);
	printf("%-8s %9s %12s %12s %7s\n", "op", "size", "glibc GB/s", "kiln GB/s", "ratio");
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		size_t n = sizes[i];
		double g = THROUGHPUT(g_memcpy(dst, src, n), n);
		double k = THROUGHPUT(k_memcpy(dst, src, n), n);
		printf("%-8s %9zu %12.2f %12.2f %7.2f\n", "memcpy", n, g, k, k / g);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		size_t n = sizes[i];
		double g = THROUGHPUT(g_memset(dst, i, n), n);
		double k = THROUGHPUT(k_memset(dst, i, n), n);
		printf("%-8s %9zu %12.2f %12.2f %7.2f\n", "memset", n, g, k, k / g);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		size_t n = sizes[i];
		src[n] = '\0';
		double g = THROUGHPUT(sink += g_strlen(src), n);
		double k = THROUGHPUT(sink += k_strlen(src), n);
		src[n] = 'a';
		printf("%-8s %9zu %12.2f %12.2f %7.2f\n", "strlen", n, g, k, k / g);
	}
	long ops = (long)(scale * 4e6) + 1;
	double g = 0, k = 0;
	for (int run = 0; run < 3; run++) {
		double a = mixed_alloc(g_malloc, g_free, g_realloc, ops);
		double b = mixed_alloc(k_malloc, k_free, k_realloc, ops);
		if (a > g)
			g = a;
		if (b > k)
			k = b;
	}
	printf("%-8s %9s %12s %12s %7s\n", "op", "", "glibc Mops/s", "kiln Mops/s", "ratio");
	printf("%-8s %9s %12.2f %12.2f %7.2f\n", "malloc", "mixed", g / 1e6, k / 1e6, k / g);
	return 0;
}
