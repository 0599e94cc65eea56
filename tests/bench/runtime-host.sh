#!/bin/bash
# Kiln runtime host benchmark: memcpy/memset/strlen throughput (GB/s) at a
# few sizes and malloc/free/realloc operations per second on a mixed
# workload, kiln's runtime vs glibc on this host. Ratio = kiln / glibc
# (higher is better for kiln; the goal is >= 0.67, within 1.5x).
#
#   tests/bench/runtime-host.sh [O=<output dir>]
#   KILN_BENCH_SCALE=0.1 tests/bench/runtime-host.sh     # a quick run
set -eu

. "$(dirname "$0")/lib.bash"
bench_args "$@"
build=$out/runtime-host

mkdir -p "$build"
make -s -C "$top/runtime/tests" lib O="$out" >"$build/bench-build.log" 2>&1 ||
	{ tail -n 20 "$build/bench-build.log" >&2; echo "runtime-host.sh: building the runtime for the host failed" >&2; exit 1; }
${CC:-gcc} -std=gnu11 -O2 -Wall -o "$build/bench-runtime-host" \
	"$top/tests/bench/runtime-host.c" "$build/host_solo5.o" "$build/libkiln-prefixed.a"
exec "$build/bench-runtime-host"
