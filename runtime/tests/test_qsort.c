/* qsort vs glibc: random arrays of many sizes and element sizes, plus the
 * classic hard inputs; the comparison count must stay within
 * C * n * log2(n) (no quadratic case), including McIlroy's adversary. */
#include <math.h>
#include <string.h>
#include "harness.h"

void kiln_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void kiln_qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);
void *kiln_bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));

static unsigned long ncmp;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	ncmp++;
	return (x > y) - (x < y);
}

/* Records sorted by their first 4 bytes; sizes up to 40 bytes exercise
 * the generic swap. */
static size_t rec_size;
static int cmp_rec(const void *a, const void *b)
{
	unsigned x, y;
	memcpy(&x, a, 4);
	memcpy(&y, b, 4);
	ncmp++;
	return (x > y) - (x < y);
}

static int cmp_byte(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int cmp_r(const void *a, const void *b, void *arg)
{
	(*(int *)arg)++;
	return cmp_int(b, a); /* descending */
}

static double bound(size_t n)
{
	return n < 2 ? 1 : 4.0 * n * log2((double)n) + 64;
}

enum shape { RANDOM, SORTED, REVERSED, EQUAL, FEW, ORGAN, SAWTOOTH, NSHAPES };

static void fill(int *a, size_t n, enum shape s)
{
	for (size_t i = 0; i < n; i++) {
		switch (s) {
		case RANDOM: a[i] = (int)h_rand(); break;
		case SORTED: a[i] = (int)i; break;
		case REVERSED: a[i] = (int)(n - i); break;
		case EQUAL: a[i] = 7; break;
		case FEW: a[i] = (int)(h_rand() % 4); break;
		case ORGAN: a[i] = (int)(i < n / 2 ? i : n - i); break;
		default: a[i] = (int)(i % 17); break;
		}
	}
}

/* McIlroy's "killer adversary": values are decided lazily during the
 * sort so that the pivot is always nearly the worst choice. */
static int *gas_val, nsolid, candidate;
#define GAS_INF 0x7fffffff
static int cmp_adversary(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	ncmp++;
	if (gas_val[a] == GAS_INF && gas_val[b] == GAS_INF) {
		if (a == candidate)
			gas_val[a] = nsolid++;
		else
			gas_val[b] = nsolid++;
	}
	if (gas_val[a] == GAS_INF)
		candidate = a;
	else if (gas_val[b] == GAS_INF)
		candidate = b;
	return (gas_val[a] > gas_val[b]) - (gas_val[a] < gas_val[b]);
}

int main(void)
{
	static int a[100000], b[100000];
	size_t sizes[] = {0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 16, 17, 31, 50, 100, 127, 128, 129, 255, 1000, 4096, 10007, 100000};

	for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
		size_t n = sizes[si];
		for (int s = 0; s < NSHAPES; s++) {
			fill(a, n, (enum shape)s);
			memcpy(b, a, n * sizeof *a);
			qsort(b, n, sizeof *b, cmp_int);
			ncmp = 0;
			kiln_qsort(a, n, sizeof *a, cmp_int);
			CHECK(!memcmp(a, b, n * sizeof *a), "qsort n=%zu shape %d: order differs from glibc", n, s);
			CHECK(ncmp <= bound(n), "qsort n=%zu shape %d: %lu comparisons, bound %.0f", n, s, ncmp, bound(n));
		}
	}

	/* Many random small arrays, including duplicates. */
	for (long it = 0; it < h_iterations(20000); it++) {
		size_t n = h_rand() % 64;
		for (size_t i = 0; i < n; i++)
			a[i] = (int)(h_rand() % (1 + h_rand() % 100));
		memcpy(b, a, n * sizeof *a);
		qsort(b, n, sizeof *b, cmp_int);
		kiln_qsort(a, n, sizeof *a, cmp_int);
		CHECK(!memcmp(a, b, n * sizeof *a), "qsort small random n=%zu", n);
	}

	/* Element sizes 1..40: keys sorted, each record's payload intact. */
	static unsigned char recs[2000 * 40];
	for (rec_size = 4; rec_size <= 40; rec_size += (rec_size < 12 ? 1 : 9)) {
		size_t n = 2000;
		for (size_t i = 0; i < n; i++) {
			unsigned key = (unsigned)(h_rand() % 500);
			memcpy(recs + i * rec_size, &key, 4);
			for (size_t j = 4; j < rec_size; j++)
				recs[i * rec_size + j] = (unsigned char)(key * 31 + j);
		}
		kiln_qsort(recs, n, rec_size, cmp_rec);
		int ok = 1;
		for (size_t i = 0; i < n; i++) {
			unsigned key;
			memcpy(&key, recs + i * rec_size, 4);
			if (i && cmp_rec(recs + (i - 1) * rec_size, recs + i * rec_size) > 0)
				ok = 0;
			for (size_t j = 4; j < rec_size; j++)
				if (recs[i * rec_size + j] != (unsigned char)(key * 31 + j))
					ok = 0;
		}
		CHECK(ok, "qsort of %zu-byte records: unsorted or payload damaged", rec_size);
	}
	/* One-byte elements. */
	unsigned char bytes[3000], bytes2[3000];
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = bytes2[i] = (unsigned char)h_rand();
	rec_size = 1;
	qsort(bytes2, sizeof bytes2, 1, cmp_byte);
	kiln_qsort(bytes, sizeof bytes, 1, cmp_byte);
	CHECK(!memcmp(bytes, bytes2, sizeof bytes), "qsort of one-byte elements");
	int cmp_calls = 0;
	kiln_qsort_r(a, 0, sizeof *a, cmp_r, &cmp_calls);
	for (size_t i = 0; i < 1000; i++)
		a[i] = (int)h_rand();
	kiln_qsort_r(a, 1000, sizeof *a, cmp_r, &cmp_calls);
	int desc = 1;
	for (size_t i = 1; i < 1000; i++)
		desc &= a[i - 1] >= a[i];
	CHECK(desc && cmp_calls > 0, "qsort_r passes its argument and sorts descending");

	/* The adversary, n = 20000: a quadratic quicksort would need ~10^8. */
	{
		size_t n = 20000;
		static int vals[20000];
		gas_val = vals;
		for (size_t i = 0; i < n; i++) {
			a[i] = (int)i;
			vals[i] = GAS_INF;
		}
		nsolid = 0;
		candidate = 0;
		ncmp = 0;
		kiln_qsort(a, n, sizeof *a, cmp_adversary);
		CHECK(ncmp <= bound(n), "qsort vs McIlroy's adversary, n=%zu: %lu comparisons, bound %.0f", n, ncmp, bound(n));
	}

	/* bsearch: every present key found, absent keys not. */
	for (size_t i = 0; i < 1000; i++)
		a[i] = (int)(2 * i);
	for (int k = -1; k < 2001; k++) {
		int *p = kiln_bsearch(&k, a, 1000, sizeof *a, cmp_int);
		CHECK(k % 2 == 0 && k >= 0 && k < 2000 ? p && *p == k : p == NULL, "bsearch key %d", k);
	}
	CHECK(kiln_bsearch(&a[0], a, 0, sizeof *a, cmp_int) == NULL, "bsearch on an empty array");
	return h_report("test_qsort");
}
