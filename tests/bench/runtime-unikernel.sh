#!/bin/bash
# Kiln runtime benchmark inside the unikernel: memcpy/memset/strlen
# throughput, malloc/free operations per second on a mixed workload, and
# snprintf calls per second (integers, doubles), measured by
# package/bench-runtime on spt, beside the same C file compiled for the
# host against glibc. Ratio = kiln / glibc (higher is better for kiln).
#
#   tests/bench/runtime-unikernel.sh [O=<output dir>]
#   KILN_BENCH_MS=20 tests/bench/runtime-unikernel.sh     # a quick run
#
# It builds in <output dir>/bench/runtime-unikernel (its own configuration,
# configs/spt_bench_runtime_defconfig), never in the output dir's own.
set -eu

. "$(dirname "$0")/lib.bash"
bench_args "$@"
bo=$out/bench/runtime-unikernel
ms=${KILN_BENCH_MS:-100}

kmake() {
	bench_make -s O="$bo" "$@"
}
mkdir -p "$bo"
kmake spt_bench_runtime_defconfig >"$bo/build.log" 2>&1 &&
	kmake -j"$(nproc)" all >>"$bo/build.log" 2>&1 ||
	bench_fail "building bench-runtime for spt failed" "$bo/build.log"
${CC:-gcc} -std=gnu11 -O2 -Wall -Wextra -o "$bo/bench-runtime-host" "$top/package/bench-runtime/bench.c"

"$bo/host/bin/kiln-spt" --mem=256 "$bo/images/bench-runtime.spt" "$ms" >"$bo/kiln.txt" 2>"$bo/kiln.err" ||
	{ echo "runtime-unikernel.sh: the spt image failed:" >&2; cat "$bo/kiln.err" "$bo/kiln.txt" >&2; exit 1; }
"$bo/bench-runtime-host" "$ms" >"$bo/host.txt"

echo "runtime inside the unikernel (spt, $(gcc -dumpfullversion) -O2) vs glibc $(ldd --version | sed -n '1s/.* //p') on this host; best of 3 runs of ${ms} ms"
awk -F '\t' '
	FNR == NR && $1 == "bench" { host[$2] = $3; next }
	$1 == "bench" {
		if (!header++) printf "%-40s %12s %12s %8s  %s\n", "", "kiln (spt)", "glibc", "ratio", "unit"
		ratio = host[$2] > 0 ? sprintf("%.2f", $3 / host[$2]) : "n/a"
		printf "%-40s %12.3f %12.3f %8s  %s\n", $2, $3, host[$2], ratio, $4
	}' "$bo/host.txt" "$bo/kiln.txt"
