#!/bin/bash
# Benchmark: a clean build of hello on hvt, the smallest image, where the
# cost is ~200 target compiles of the runtime, the boot shim and the app,
# each through the compiler wrapper (output/host/bin/x86_64-kiln-cc).
# Prints numbers; checks nothing (tests/build.bats does).
#
#   tests/bench/hello-build.sh [O=<dir>]   (works in <dir>/bench-hello-build)
#
#   - `make hvt_defconfig && make` from an empty output folder, wall and CPU
#     time at -j1 and -j2 (KILN_BENCH_JOBS, default "1 2"; median of
#     KILN_BENCH_BUILDS runs each, default 3)
#   - the wrapper alone: one compile of an empty file through the wrapper
#     and straight through gcc with the same flags, alternately (medians of
#     KILN_BENCH_REPEATS runs each, default 20): what the wrapper adds to
#     each compile, and so to the build
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-hello-build
builds=${KILN_BENCH_BUILDS:-3}
repeats=${KILN_BENCH_REPEATS:-20}
rm -rf "$work"
bench_log "$work/bench.log"

# make_to_build_log ARGS...: bench_make, its output in $work/build.log (replaced).
make_to_build_log() {
	bench_make "$@" >"$work/build.log" 2>&1
}

# clean_build JOBS: one clean build into $work/o. Prints its wall time in
# microseconds, then bash's `times`: its second line is the CPU time of the
# build (user and system; a loaded machine disturbs it less than wall time).
# Run in a subshell ($(...)), so that the CPU time counts from its start.
clean_build() {
	rm -rf "$work/o"
	bench_make_logged O="$work/o" hvt_defconfig || return 1
	timed make_to_build_log O="$work/o" -j"$1" || return 1
	times
}

for jobs in ${KILN_BENCH_JOBS:-1 2}; do
	walls=() cpus=()
	for _ in $(seq "$builds"); do
		t=$(clean_build "$jobs") || bench_fail "the clean build at -j$jobs failed" "$work/build.log"
		walls+=("${t%%$'\n'*}") cpus+=("$(cpu_us "$t")")
	done
	echo "clean hvt_defconfig build -j$jobs: $(secs "$(median "${walls[@]}")") s wall," \
		"$(secs "$(median "${cpus[@]}")") s CPU (medians of $builds)"
done

# The wrapper's own cost: the same compile through it and straight through gcc.
cc=$work/o/host/bin/x86_64-kiln-cc
[ -x "$cc" ] || bench_fail "no wrapper $cc after the build"
: >"$work/empty.c"
# The flags: --kiln-flags asks the C wrapper; the shell wrapper had them in its text.
flags=$("$cc" --kiln-flags 2>/dev/null) || flags=$(sed -n "s/^cflags='\\(.*\\)'$/\\1/p" "$cc")
through_wrapper=() direct=() added=()
for _ in $(seq "$repeats"); do
	w=$(timed "$cc" -c "$work/empty.c" -o "$work/empty.o") || bench_fail "$cc -c failed"
	# shellcheck disable=SC2086 # the flags are words, as the wrapper splits them
	d=$(timed gcc $flags -c "$work/empty.c" -o "$work/empty.o") ||
		bench_fail "gcc with the wrapper's flags failed"
	through_wrapper+=("$w") direct+=("$d") added+=($((w - d)))
done
compiles=$(grep -cE '^ +(CC|AS) ' "$work/build.log")
echo "one compile of an empty file: $(msecs "$(median "${through_wrapper[@]}")") ms through the wrapper," \
	"$(msecs "$(median "${direct[@]}")") ms straight through gcc (medians of $repeats)"
added=$(median "${added[@]}")
echo "the wrapper adds $(msecs "$added") ms a compile (median of the differences):" \
	"$(secs $((added * compiles))) s in all over the build's $compiles compiles"
