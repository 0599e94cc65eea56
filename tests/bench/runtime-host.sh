#!/bin/bash
# Kiln runtime host benchmark: throughput (GB/s) of memcpy, memmove, memset,
# memcmp, memchr, strlen, strchr and strcmp at sizes from 8 bytes to 1 MiB,
# and malloc/free/realloc operations per second on a mixed workload, kiln's
# runtime vs glibc on this host in the same run (runtime-host.c; snprintf
# is runtime-snprintf.sh). Ratio = kiln / glibc, higher is better for kiln;
# the goal is >= 0.9 everywhere. Each figure is the best of 5 runs, glibc
# and kiln in turn: the machine may be loaded by others, so compare runs
# only by their ratios and run twice before believing a low one.
#
#   tests/bench/runtime-host.sh [O=<output dir>]
#   KILN_BENCH_SCALE=0.1 tests/bench/runtime-host.sh     # a quick run
#   KILN_BENCH_OPS=memset,strlen tests/bench/runtime-host.sh   # only these
#                                           (operation names, or malloc)
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
