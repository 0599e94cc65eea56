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
#   KILN_ARCH=aarch64 tests/bench/runtime-host.sh
#       the runtime and this program cross-compiled for aarch64 (Debian's
#       gcc-aarch64-linux-gnu, libc6-dev-arm64-cross) and run under
#       qemu-user against aarch64 glibc in the same emulator: only the
#       ratios mean anything there, not the GB/s.
set -eu

. "$(dirname "$0")/lib.bash"
bench_args "$@"
host_arch=$(uname -m)
arch=${KILN_ARCH:-$host_arch}
runner=()
cc=${CC:-gcc}
if [ "$arch" != "$host_arch" ]; then
	cc=${CROSS_COMPILE:-$arch-linux-gnu-}gcc
	runner=("qemu-$arch" -L "/usr/$arch-linux-gnu")
	command -v "$cc" >/dev/null ||
		{ echo "runtime-host.sh: $cc is not installed (./scripts/setup installs the aarch64 cross compiler)" >&2; exit 1; }
	command -v "${runner[0]}" >/dev/null ||
		{ echo "runtime-host.sh: ${runner[0]} is not installed (Debian package qemu-user; ./scripts/setup)" >&2; exit 1; }
fi
build=$out/runtime-$arch
[ "$arch" != "$host_arch" ] || build=$out/runtime-host

mkdir -p "$build"
make -s -C "$top/runtime/tests" lib KILN_ARCH="$arch" O="$out" >"$build/bench-build.log" 2>&1 ||
	{ tail -n 20 "$build/bench-build.log" >&2; echo "runtime-host.sh: building the runtime for $arch failed" >&2; exit 1; }
"$cc" -std=gnu11 -O2 -Wall -o "$build/bench-runtime-host" \
	"$top/tests/bench/runtime-host.c" "$build/host_solo5.o" "$build/libkiln-prefixed.a"
[ "$arch" = "$host_arch" ] || echo "$arch under ${runner[*]}: compare the ratios only"
exec "${runner[@]}" "$build/bench-runtime-host"
