/* Kiln runtime: qsort as introsort. Quicksort with a median-of-three (or
 * ninther) pivot and a partition that stops on equal keys does
 * O(n log n) comparisons on ordinary inputs, including sorted and all-equal
 * ones; a depth limit switches to heapsort, so no input, however
 * adversarial, makes it quadratic. Small ranges use insertion sort. */
#include <stdint.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *, void *);

#define SMALL 12

static void swap(char *a, char *b, size_t size)
{
	while (size >= 8) {
		uint64_t t;
		__builtin_memcpy(&t, a, 8);
		__builtin_memcpy(a, b, 8);
		__builtin_memcpy(b, &t, 8);
		a += 8, b += 8, size -= 8;
	}
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp, void *arg)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size, arg) > 0; j--)
			swap(base + (j - 1) * size, base + j * size, size);
}

static void sift_down(char *base, size_t root, size_t n, size_t size, cmp_fn cmp, void *arg)
{
	for (;;) {
		size_t child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size, arg) < 0)
			child++;
		if (cmp(base + root * size, base + child * size, arg) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

static void heap_sort(char *base, size_t n, size_t size, cmp_fn cmp, void *arg)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp, arg);
	for (i = n; i-- > 1;) {
		swap(base, base + i * size, size);
		sift_down(base, 0, i, size, cmp, arg);
	}
}

static char *median3(char *a, char *b, char *c, cmp_fn cmp, void *arg)
{
	if (cmp(a, b, arg) < 0) {
		if (cmp(b, c, arg) < 0)
			return b;
		return cmp(a, c, arg) < 0 ? c : a;
	}
	if (cmp(a, c, arg) < 0)
		return a;
	return cmp(b, c, arg) < 0 ? c : b;
}

static char *choose_pivot(char *base, size_t n, size_t size, cmp_fn cmp, void *arg)
{
	char *lo = base, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;

	if (n >= 128) {
		/* Tukey's ninther: the median of three medians of three. */
		size_t s = (n / 8) * size;
		lo = median3(lo, lo + s, lo + 2 * s, cmp, arg);
		mid = median3(mid - s, mid, mid + s, cmp, arg);
		hi = median3(hi - 2 * s, hi - s, hi, cmp, arg);
	}
	return median3(lo, mid, hi, cmp, arg);
}

static void introsort(char *base, size_t n, size_t size, cmp_fn cmp, void *arg, int depth)
{
	while (n > SMALL) {
		size_t i = 1, j = n - 1;
		char *pivot;

		if (depth-- == 0) {
			heap_sort(base, n, size, cmp, arg);
			return;
		}
		pivot = choose_pivot(base, n, size, cmp, arg);
		if (pivot != base)
			swap(pivot, base, size);
		/* The pivot stays at base[0]; afterwards [1, i) <= pivot and
		 * (j, n) >= pivot. Both scans stop on keys equal to the pivot so
		 * runs of equal keys split evenly. */
		for (;;) {
			while (i <= j && cmp(base + i * size, base, arg) < 0)
				i++;
			while (i <= j && cmp(base + j * size, base, arg) > 0)
				j--;
			if (i >= j)
				break;
			swap(base + i * size, base + j * size, size);
			i++, j--;
		}
		if (j)
			swap(base, base + j * size, size);
		/* Recurse into the smaller side, loop on the larger: the stack
		 * stays O(log n) deep. */
		if (j < n - j - 1) {
			introsort(base, j, size, cmp, arg, depth);
			base += (j + 1) * size;
			n -= j + 1;
		} else {
			introsort(base + (j + 1) * size, n - j - 1, size, cmp, arg, depth);
			n = j;
		}
	}
	insertion_sort(base, n, size, cmp, arg);
}

void qsort_r(void *base, size_t n, size_t size, cmp_fn cmp, void *arg)
{
	int depth = 0;
	size_t m;

	if (n < 2 || !size)
		return;
	for (m = n; m; m >>= 1)
		depth += 2;
	introsort(base, n, size, cmp, arg, depth);
}

struct plain_cmp {
	int (*fn)(const void *, const void *);
};

static int call_plain(const void *a, const void *b, void *arg)
{
	return ((struct plain_cmp *)arg)->fn(a, b);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	struct plain_cmp c = {cmp};
	qsort_r(base, n, size, call_plain, &c);
}
