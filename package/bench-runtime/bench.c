/*
 * bench-runtime: how fast the C library is, measured where it runs.
 *
 * Plain ISO C plus clock_gettime(CLOCK_MONOTONIC), so the same file builds
 * as a Kiln application (against Kiln's runtime) and on the host (against
 * glibc): tests/bench/runtime-unikernel.sh runs both and prints them side
 * by side. Each number is the best of a few timed runs, each long enough
 * (the command line's first word, in ms; default 100) that the clock's
 * resolution does not matter. Output, one number per line:
 *
 *     bench<TAB><name><TAB><value><TAB><unit>
 *
 * The functions are called through volatile pointers so the compiler can
 * neither inline the library's code (its builtins) nor drop the calls.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 3

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static size_t (*volatile p_strlen)(const char *) = strlen;
static void *(*volatile p_malloc)(size_t) = malloc;
static void (*volatile p_free)(void *) = free;
static int (*volatile p_snprintf)(char *, size_t, const char *, ...) = snprintf;

static volatile size_t sink;
static double target_seconds = 0.1;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void report(const char *name, double value, const char *unit)
{
	printf("bench\t%s\t%.3f\t%s\n", name, value, unit);
}

/*
 * Operations per second of body(iterations): the iteration count doubles
 * until one run lasts target_seconds, then the best of RUNS runs counts.
 */
static double rate(void (*body)(size_t n, void *ctx), void *ctx)
{
	size_t n = 1;
	double best = 0.0;

	for (;;) {
		double t0 = now();
		body(n, ctx);
		double t = now() - t0;
		if (t >= target_seconds / 4)
			break;
		n *= 2;
	}
	n = (size_t)((double)n * 4);
	for (int run = 0; run < RUNS; run++) {
		double t0 = now();
		body(n, ctx);
		double r = (double)n / (now() - t0);
		if (r > best)
			best = r;
	}
	return best;
}

/* ---- memory functions ------------------------------------------------- */

struct mem_ctx {
	char *dst;
	char *src;
	size_t size;
	size_t offset;	/* dst misalignment, to see the unaligned path */
};

static void do_memcpy(size_t n, void *p)
{
	struct mem_ctx *c = p;

	for (size_t i = 0; i < n; i++)
		p_memcpy(c->dst + c->offset, c->src, c->size);
}

static void do_memset(size_t n, void *p)
{
	struct mem_ctx *c = p;

	for (size_t i = 0; i < n; i++)
		p_memset(c->dst + c->offset, (int)i, c->size);
}

static void do_strlen(size_t n, void *p)
{
	struct mem_ctx *c = p;

	for (size_t i = 0; i < n; i++)
		sink += p_strlen(c->src + c->offset);
}

static void bench_memory(void)
{
	static const size_t sizes[] = { 16, 256, 4096, 65536, 1 << 20, 8 << 20 };
	size_t largest = 8 << 20;
	struct mem_ctx c;
	char name[64];

	c.dst = malloc(largest + 64);
	c.src = malloc(largest + 64);
	if (c.dst == NULL || c.src == NULL) {
		printf("bench-runtime: cannot allocate 2 x %zu bytes; give the image more memory\n", largest);
		exit(1);
	}
	memset(c.src, 'k', largest + 64);
	memset(c.dst, 0, largest + 64);

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		c.size = sizes[i];
		for (c.offset = 0; c.offset <= 1; c.offset++) {
			const char *align = c.offset ? "unaligned" : "aligned";

			snprintf(name, sizeof(name), "memcpy %zu B %s", c.size, align);
			report(name, rate(do_memcpy, &c) * (double)c.size / 1e9, "GB/s");
			snprintf(name, sizeof(name), "memset %zu B %s", c.size, align);
			report(name, rate(do_memset, &c) * (double)c.size / 1e9, "GB/s");
			/* A string of c.size - 1 characters. */
			c.src[c.offset + c.size - 1] = '\0';
			snprintf(name, sizeof(name), "strlen %zu B %s", c.size, align);
			report(name, rate(do_strlen, &c) * (double)c.size / 1e9, "GB/s");
			c.src[c.offset + c.size - 1] = 'k';
		}
	}
	free(c.dst);
	free(c.src);
}

/* ---- malloc/free ------------------------------------------------------ */

#define SLOTS 4096

struct alloc_ctx {
	void *slot[SLOTS];
	uint32_t rng;
};

static uint32_t next_random(uint32_t *state)
{
	/* xorshift32: cheap, and the same sequence on both sides. */
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Sizes as programs ask for them: mostly small, some pages, a few large. */
static size_t pick_size(uint32_t r)
{
	uint32_t kind = r % 100, v = r >> 8;

	if (kind < 70)
		return 16 + v % 241;		/* 16..256 B */
	if (kind < 95)
		return 256 + v % 3841;		/* 256 B..4 KiB */
	return 4096 + v % 61441;		/* 4..64 KiB */
}

/* One operation: a random slot is freed if it holds a block, else filled
 * with a new block (whose first byte is written, as a program would). */
static void do_alloc(size_t n, void *p)
{
	struct alloc_ctx *c = p;

	for (size_t i = 0; i < n; i++) {
		uint32_t r = next_random(&c->rng);
		void **s = &c->slot[r % SLOTS];

		if (*s != NULL) {
			p_free(*s);
			*s = NULL;
		} else {
			*s = p_malloc(pick_size(next_random(&c->rng)));
			if (*s == NULL) {
				printf("bench-runtime: malloc failed; give the image more memory\n");
				exit(1);
			}
			*(char *)*s = 1;
		}
	}
}

static void bench_malloc(void)
{
	static struct alloc_ctx c;

	c.rng = 2463534242u;
	report("malloc/free mixed 16 B..64 KiB", rate(do_alloc, &c) / 1e6, "Mops/s");
	for (size_t i = 0; i < SLOTS; i++) {
		p_free(c.slot[i]);
		c.slot[i] = NULL;
	}
}

/* ---- snprintf --------------------------------------------------------- */

static void do_snprintf_int(size_t n, void *p)
{
	char buf[96];

	(void)p;
	for (size_t i = 0; i < n; i++)
		sink += (size_t)p_snprintf(buf, sizeof(buf), "%d %ld %u %x %08lld",
					   (int)i - 5000, (long)i * 7919, (unsigned)i,
					   (unsigned)i, (long long)i * 3);
}

static void do_snprintf_double(size_t n, void *p)
{
	char buf[128];
	double x = 0.1;

	(void)p;
	for (size_t i = 0; i < n; i++) {
		sink += (size_t)p_snprintf(buf, sizeof(buf), "%.6f %g %.17g",
					   x, x * 1e10, 1.0 / x);
		x += 1.37;
	}
}

static void bench_snprintf(void)
{
	report("snprintf 5 integers", rate(do_snprintf_int, NULL) / 1e6, "Mcalls/s");
	report("snprintf 3 doubles (%.6f %g %.17g)", rate(do_snprintf_double, NULL) / 1e6, "Mcalls/s");
}

int main(int argc, char **argv)
{
	/* The command line's first word: milliseconds per timed run. */
	if (argc > 1 && atoi(argv[1]) > 0)
		target_seconds = atoi(argv[1]) / 1000.0;
	bench_memory();
	bench_malloc();
	bench_snprintf();
	fflush(stdout);
	return 0;
}
