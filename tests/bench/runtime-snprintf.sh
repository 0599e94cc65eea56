#!/bin/bash
# Benchmark: snprintf calls per second, Kiln's runtime vs glibc, on the host.
#
#   tests/bench/runtime-snprintf.sh [O=<output dir>]   (default: output/)
#
# Builds the runtime's host test archive (every symbol prefixed kiln_, see
# runtime/tests/Makefile), links a small driver against it and glibc, and
# prints one line per workload: calls/s for each and kiln's speed as a
# fraction of glibc's. Set BENCH_SECONDS to change the time per workload.
set -eu

. "$(dirname "$0")/lib.bash"
bench_args "$@"
build=$out/runtime-host
host_obj=$build/host_solo5.o
make -s -C "$top/runtime/tests" lib "$host_obj" O="$out" >/dev/null ||
	bench_fail "building the runtime host archive failed; run 'make -C runtime/tests lib O=$out' to see why"

cat > "$build/bench_snprintf.c" <<'C'
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int kiln_vsnprintf(char *, size_t, const char *, va_list);

typedef int (*vsnprintf_fn)(char *, size_t, const char *, va_list);

static vsnprintf_fn impl;
static char buf[512];
static volatile int sink;

static void call(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sink += impl(buf, sizeof buf, fmt, ap);
	va_end(ap);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

#define N 1024
static int64_t ints[N];
static double doubles[N];

enum workload { W_INT, W_MIXED_INT, W_G, W_F, W_E17, W_COUNT };
static const char *const names[] = {
	"%d (random ints)", "%5u %-8lx %lld", "%g (typical doubles)", "%.3f (typical doubles)",
	"%.17g (round-trip)",
};

static void run(enum workload w, long iters)
{
	for (long i = 0; i < iters; i++) {
		int k = (int)(i & (N - 1));
		switch (w) {
		case W_INT: call("%d", (int)ints[k]); break;
		case W_MIXED_INT: call("%5u %-8lx %lld", (unsigned)ints[k], (long)ints[k], (long long)ints[k]); break;
		case W_G: call("%g", doubles[k]); break;
		case W_F: call("%.3f", doubles[k]); break;
		case W_E17: call("%.17g", doubles[k]); break;
		default: break;
		}
	}
}

static double rate(vsnprintf_fn f, enum workload w, double seconds)
{
	long iters = 1000;
	double t;
	impl = f;
	for (;;) {
		double t0 = now();
		run(w, iters);
		t = now() - t0;
		if (t > seconds)
			break;
		iters *= t < seconds / 10 ? 10 : 2;
	}
	return iters / t;
}

int main(void)
{
	const char *s = getenv("BENCH_SECONDS");
	double seconds = s ? atof(s) : 0.3;
	uint64_t x = 88172645463325252ull;
	for (int i = 0; i < N; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		ints[i] = (int64_t)x >> (x % 50);
		/* values programs print: a few significant digits, moderate exponents */
		doubles[i] = (double)(int64_t)(x % 2000000 - 1000000) / (double)(1 + x % 1000);
	}
	printf("%-24s %14s %14s %8s\n", "snprintf workload", "kiln calls/s", "glibc calls/s", "kiln/glibc");
	for (int w = 0; w < W_COUNT; w++) {
		double k = rate(kiln_vsnprintf, w, seconds);
		double g = rate(vsnprintf, w, seconds);
		printf("%-24s %14.0f %14.0f %8.2f\n", names[w], k, g, k / g);
	}
	return 0;
}
C
gcc -O2 -std=gnu11 -o "$build/bench_snprintf" "$build/bench_snprintf.c" "$host_obj" \
	"$build/libkiln-prefixed.a" -lm
"$build/bench_snprintf"
