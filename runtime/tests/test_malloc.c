/* The allocator: a random stress run of malloc/calloc/realloc/free/
 * aligned_alloc/posix_memalign with every payload poisoned by a per-block
 * pattern and checked before it is freed, no two live blocks overlapping,
 * alignment checked; then the error paths (double free, overflows, bad
 * pointers) in child processes, which must die with the message. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"

void *kiln_malloc(size_t);
void *kiln_calloc(size_t, size_t);
void *kiln_realloc(void *, size_t);
void kiln_free(void *);
void *kiln_aligned_alloc(size_t, size_t);
void *kiln_memalign(size_t, size_t);
int kiln_posix_memalign(void **, size_t, size_t);
size_t kiln_malloc_usable_size(void *);
void *kiln_reallocarray(void *, size_t, size_t);
void kiln___malloc_add_region(void *, size_t);
struct kiln_mallinfo2 {
	size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
};
struct kiln_mallinfo2 kiln_mallinfo2(void);
extern int kiln_errno;

#define SLOTS 4096

struct live {
	unsigned char *p;
	size_t size;
	unsigned char seed;
};

static struct live live[SLOTS];

static unsigned char pattern(unsigned char seed, size_t i)
{
	return (unsigned char)(seed + i * 7 + (i >> 8));
}

/* Large blocks get their pattern in the first and last 4 KiB and in every
 * 61st byte between: enough to see any overlap, cheap enough to run fast.
 * Visits those bytes; check mode returns 0 at the first wrong one. */
static int visit(struct live *l, size_t upto, int check)
{
	size_t i = 0, head = upto < 4096 ? upto : 4096;
	size_t tail = l->size > 4096 ? l->size - 4096 : 0;

	for (;;) {
		if (check && l->p[i] != pattern(l->seed, i))
			return 0;
		if (!check)
			l->p[i] = pattern(l->seed, i);
		if (++i >= upto)
			return 1;
		if (i >= head && i < tail)
			i = i + 61 < tail ? i + 61 : tail;
		if (i >= upto)
			return 1;
	}
}

static void poison(struct live *l)
{
	if (l->size)
		visit(l, l->size, 0);
}

static int intact(const struct live *l, size_t upto)
{
	return upto ? visit((struct live *)l, upto, 1) : 1;
}

static size_t random_size(void)
{
	switch (h_rand() % 8) {
	case 0: return h_rand() % 17;
	case 1: return h_rand() % 64000;
	case 2: return h_rand() % 2 ? h_rand() % 1000000 : h_rand() % 4000;
	default: return h_rand() % 512;
	}
}

static int cmp_ptr(const void *a, const void *b)
{
	const struct live *x = a, *y = b;
	return (x->p > y->p) - (x->p < y->p);
}

/* No two live blocks may overlap (usable sizes included). */
static void check_no_overlap(void)
{
	static struct live sorted[SLOTS];
	size_t n = 0;

	for (size_t i = 0; i < SLOTS; i++)
		if (live[i].p)
			sorted[n++] = live[i];
	qsort(sorted, n, sizeof *sorted, cmp_ptr);
	for (size_t i = 1; i < n; i++)
		CHECK(sorted[i - 1].p + kiln_malloc_usable_size(sorted[i - 1].p) <= sorted[i].p,
		      "live blocks overlap: %p+%zu and %p", (void *)sorted[i - 1].p,
		      kiln_malloc_usable_size(sorted[i - 1].p), (void *)sorted[i].p);
}

static void stress(void)
{
	long iterations = h_iterations(400000);

	for (long it = 0; it < iterations; it++) {
		struct live *l = &live[h_rand() % SLOTS];
		int op = (int)(h_rand() % 10);

		if (l->p && op < 4) {
			CHECK(intact(l, l->size), "block %p (%zu bytes) damaged before free", (void *)l->p, l->size);
			kiln_free(l->p);
			l->p = NULL;
		} else if (l->p && op < 7) {
			size_t n = random_size(), keep = n < l->size ? n : l->size;
			unsigned char *q = kiln_realloc(l->p, n);
			CHECK(q != NULL, "realloc(%p, %zu) failed", (void *)l->p, n);
			if (!q)
				continue;
			CHECK(((uintptr_t)q & 15) == 0, "realloc result %p not 16-aligned", (void *)q);
			l->p = q;
			CHECK(intact(l, keep), "realloc to %zu lost the first %zu bytes", n, keep);
			l->size = n;
			l->seed = (unsigned char)h_rand();
			poison(l);
		} else if (!l->p) {
			size_t n = random_size(), align = 16;
			switch (op) {
			case 0:
			case 1:
				l->p = kiln_calloc(1 + h_rand() % 8, n / 8);
				n = n / 8 * (n ? 1 : 0);
				if (l->p) {
					size_t total = kiln_malloc_usable_size(l->p);
					(void)total;
				}
				break;
			case 2:
				align = (size_t)1 << (h_rand() % 13);
				l->p = h_rand() % 2 ? kiln_aligned_alloc(align, n) : kiln_memalign(align, n);
				break;
			case 3: {
				void *p = NULL;
				align = (size_t)8 << (h_rand() % 10);
				CHECK(kiln_posix_memalign(&p, align, n) == 0, "posix_memalign(%zu, %zu)", align, n);
				l->p = p;
				break;
			}
			default:
				l->p = kiln_malloc(n);
			}
			CHECK(l->p != NULL, "allocation of %zu bytes failed", n);
			if (!l->p)
				continue;
			CHECK(((uintptr_t)l->p & (align - 1)) == 0 && ((uintptr_t)l->p & 15) == 0,
			      "block %p not aligned to %zu", (void *)l->p, align);
			if (op < 2) {
				size_t zeros = 0, len = kiln_malloc_usable_size(l->p);
				(void)len;
				for (size_t i = 0; i < n; i++)
					zeros += l->p[i] == 0;
				CHECK(zeros == n, "calloc block not zeroed");
			}
			CHECK(kiln_malloc_usable_size(l->p) >= n, "usable size %zu < requested %zu",
			      kiln_malloc_usable_size(l->p), n);
			l->size = n;
			l->seed = (unsigned char)h_rand();
			poison(l);
		}
		if (it % 50000 == 0)
			check_no_overlap();
	}
	check_no_overlap();
	for (size_t i = 0; i < SLOTS; i++) {
		if (live[i].p) {
			CHECK(intact(&live[i], live[i].size), "block damaged at the end");
			kiln_free(live[i].p);
			live[i].p = NULL;
		}
	}
}

/* After everything is freed the heap must coalesce back into one block:
 * nearly the whole host heap (KILN_HOST_HEAP_MB, 1024 by default) must be
 * allocatable at once. */
static void check_coalescing(void)
{
	const char *mb = getenv("KILN_HOST_HEAP_MB");
	size_t heap = (size_t)(mb ? strtoul(mb, NULL, 0) : 1024) << 20;
	void *big = kiln_malloc(heap - heap / 64);

	CHECK(big != NULL, "after freeing everything, a %zu-byte block is not available (no coalescing?)",
	      heap - heap / 64);
	kiln_free(big);
}

static void check_edges(void)
{
	kiln_errno = 0;
	CHECK(kiln_calloc(SIZE_MAX / 2, 3) == NULL && kiln_errno == ENOMEM, "calloc overflow: NULL with ENOMEM");
	kiln_errno = 0;
	CHECK(kiln_malloc(SIZE_MAX - 8) == NULL && kiln_errno == ENOMEM, "malloc(SIZE_MAX - 8): NULL with ENOMEM");
	CHECK(kiln_reallocarray(NULL, SIZE_MAX / 2, 3) == NULL, "reallocarray overflow");
	void *p = NULL;
	CHECK(kiln_posix_memalign(&p, 24, 10) == EINVAL, "posix_memalign with a bad alignment");
	CHECK(kiln_aligned_alloc(48, 10) == NULL, "aligned_alloc with a bad alignment");
	p = kiln_malloc(0);
	CHECK(p != NULL, "malloc(0) returns a unique pointer");
	kiln_free(p);
	kiln_free(NULL);

	/* realloc grows in place when the next block is free. */
	unsigned char *a = kiln_malloc(1000), *b = kiln_malloc(1000), *c = kiln_malloc(16);
	kiln_free(b);
	unsigned char *a2 = kiln_realloc(a, 1800);
	CHECK(a2 == a, "realloc into the free successor stays in place");
	a2 = kiln_realloc(a2, 100);
	CHECK(a2 == a, "realloc shrinking stays in place");
	kiln_free(a2);
	kiln_free(c);
}

/* Run fn in a child; it must die of SIGABRT having printed want. */
static void expect_abort(const char *what, void (*fn)(void), const char *want)
{
	char out[512] = {0};
	int status = h_run_captured(fn, out, sizeof out);

	if (status == -1) {
		CHECK(0, "%s: pipe/fork failed", what);
		return;
	}
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	      "%s: expected death by SIGABRT, status %#x", what, status);
	CHECK(strstr(out, want) != NULL, "%s: expected message containing \"%s\", got \"%s\"", what, want, out);
}

static char *victim;
static char victim_hex[40];

static void do_double_free(void)
{
	kiln_free(victim);
	kiln_free(victim);
}

static void do_double_free_merged(void)
{
	/* The second free comes after the block merged with its neighbours. */
	char *a = kiln_malloc(64), *b = kiln_malloc(64), *c = kiln_malloc(64);
	kiln_free(a);
	kiln_free(b);
	printf("%p\n", (void *)b);
	fflush(stdout);
	kiln_free(b);
	(void)c;
}

static void do_overflow(void)
{
	char *p = kiln_malloc(40);
	memset(p, 'x', kiln_malloc_usable_size(p) + 12);
	kiln_free(p);
}

static void do_underflow(void)
{
	char *p = kiln_malloc(40);
	p[-3] = 0x42;
	kiln_free(p);
}

static void do_bad_pointer(void)
{
	char *p = kiln_malloc(256);
	kiln_free(p + 64);
}

static void do_realloc_freed(void)
{
	char *p = kiln_malloc(100);
	kiln_free(p);
	kiln_realloc(p, 200);
}

/* The bytes no count holds: 16 per block header, free or in use, and 16
 * per region's end sentinel. */
static size_t uncounted(struct kiln_mallinfo2 m)
{
	return m.arena - m.uordblks - m.fordblks - 16 * (m.hblks + m.ordblks);
}

/* mallinfo2 follows every kind of allocation exactly, and its counts add
 * up to the heap; freeing everything brings them back where they were. */
static void check_stats(void)
{
	enum { N = 200 };
	void *p[N];
	size_t want = 0;
	struct kiln_mallinfo2 m0 = kiln_mallinfo2(), m;

	CHECK(m0.arena > 0 && uncounted(m0) > 0 && uncounted(m0) % 16 == 0,
	      "mallinfo2: arena %zu, uncounted %zu", m0.arena, uncounted(m0));
	for (int i = 0; i < N; i++) {
		size_t n = (size_t)(i * 37 % 5000) + 1;
		switch (i % 4) {
		case 0: p[i] = kiln_malloc(n); break;
		case 1: p[i] = kiln_aligned_alloc(256, n); break;
		case 2: p[i] = kiln_realloc(kiln_malloc(n), n * 3); break;
		default: p[i] = kiln_realloc(kiln_malloc(n * 2 + 64), n); break;
		}
		want += kiln_malloc_usable_size(p[i]);
	}
	m = kiln_mallinfo2();
	CHECK(m.uordblks == m0.uordblks + want, "mallinfo2: %zu bytes in use, expected %zu",
	      m.uordblks, m0.uordblks + want);
	CHECK(m.hblks == m0.hblks + N, "mallinfo2: %zu blocks in use, expected %zu", m.hblks, m0.hblks + N);
	CHECK(m.usmblks >= m.uordblks, "mallinfo2: peak %zu below in use %zu", m.usmblks, m.uordblks);
	CHECK(uncounted(m) == uncounted(m0), "mallinfo2: counts do not add up to the heap (%zu, was %zu)",
	      uncounted(m), uncounted(m0));
	for (int i = 0; i < N; i++)
		kiln_free(p[i]);
	m = kiln_mallinfo2();
	CHECK(m.uordblks == m0.uordblks && m.hblks == m0.hblks,
	      "mallinfo2 after freeing: %zu bytes in %zu blocks, was %zu in %zu",
	      m.uordblks, m.hblks, m0.uordblks, m0.hblks);
	CHECK(m.fordblks == m0.fordblks && m.ordblks == m0.ordblks,
	      "mallinfo2 after freeing: %zu free bytes in %zu blocks, was %zu in %zu",
	      m.fordblks, m.ordblks, m0.fordblks, m0.ordblks);
	CHECK(m.usmblks >= m0.uordblks + want, "mallinfo2: peak %zu, expected at least %zu",
	      m.usmblks, m0.uordblks + want);
}

int main(void)
{
	stress();
	check_edges();
	check_coalescing();
	check_stats();

	victim = kiln_malloc(100);
	snprintf(victim_hex, sizeof victim_hex, "double free of %p", (void *)victim);
	expect_abort("double free", do_double_free, victim_hex);
	expect_abort("double free after coalescing", do_double_free_merged, "kiln: free(): double free of 0x");
	expect_abort("heap overflow", do_overflow, "kiln: free(): heap overflow past the end of 0x");
	expect_abort("write before a block", do_underflow, "kiln: free(): ");
	expect_abort("free of an interior pointer", do_bad_pointer, "kiln: free(): invalid pointer 0x");
	expect_abort("realloc of a freed block", do_realloc_freed, "kiln: realloc(): double free of 0x");
	return h_report("test_malloc");
}
