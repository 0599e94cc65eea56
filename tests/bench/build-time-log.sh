#!/bin/bash
# Benchmark: what recording the build's steps for make graph-build costs
# (package/pkg-utils.mk: one `date` through make's $(shell) per step).
# Prints numbers; checks nothing (tests/reports.bats does).
#
#   tests/bench/build-time-log.sh [O=<dir>]   (works in <dir>/bench-build-time-log)
#
#   - one $(shell date) in make, alone: the median over KILN_BENCH_REPEATS
#     (default 5) makes of 200 each, and that times a hello build's steps
#   - a clean spt_defconfig build at -j2 with the record and without it
#     (KILN_BUILD_TIME_LOG=), alternately, medians of KILN_BENCH_BUILDS
#     (default 3) each
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-build-time-log
builds=${KILN_BENCH_BUILDS:-3}
repeats=${KILN_BENCH_REPEATS:-5}
rm -rf "$work"
bench_log "$work/bench.log"

# The cost of one mark: 200 of them in a make of their own.
printf 'all:\n\t@: $(foreach i,$(shell seq 200),$(shell date +%%s.%%N))\n' >"$work/marks.mk"
per_mark=()
for _ in $(seq "$repeats"); do
	t=$(timed make -s -f "$work/marks.mk") || bench_fail "make with 200 \$(shell date) failed"
	per_mark+=($((t / 200)))
done
mark_us=$(median "${per_mark[@]}")

# clean_build LOG-SETTING...: one clean hello build at -j2 into $work/o; its
# wall time in microseconds.
clean_build() {
	rm -rf "$work/o"
	bench_make_logged O="$work/o" spt_defconfig || return 1
	timed bench_make_logged O="$work/o" -j2 "$@"
}

with=() without=()
for _ in $(seq "$builds"); do
	t=$(clean_build) || bench_fail "the clean build failed" "$log"
	with+=("$t")
	t=$(clean_build KILN_BUILD_TIME_LOG=) || bench_fail "the clean build without the record failed" "$log"
	without+=("$t")
done
rm -rf "$work/o"
bench_make_logged O="$work/o" spt_defconfig && bench_make_logged O="$work/o" -j2 ||
	bench_fail "the clean build failed" "$log"
steps=$(wc -l <"$work/o/build-time.log")

echo "one step's record (\$(shell date) in make): $(msecs "$mark_us") ms (median of $repeats x 200);" \
	"x $steps steps of a hello build = $(secs $((mark_us * steps))) s of make's time"
echo "clean spt_defconfig build -j2: $(secs "$(median "${with[@]}")") s with the record," \
	"$(secs "$(median "${without[@]}")") s without (KILN_BUILD_TIME_LOG=), medians of $builds"
