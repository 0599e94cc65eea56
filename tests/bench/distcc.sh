#!/bin/bash
# Benchmark: clean builds without a cache, with the compiler cache empty and
# warm, and with compiles shipped to distcc helpers (package/pkg-ccache.mk,
# package/pkg-distcc.mk), of hvt_defconfig and of the selftests
# configuration (hvt_selftests_defconfig: every package, its archives from a
# mirror of Debian's source archive, tests/mirror/build-mirror; left out,
# saying so, where that cannot be made). Prints numbers; checks nothing
# (tests/ccache.bats and tests/distcc.bats do).
#
#   tests/bench/distcc.sh [O=<dir>]   (works in <dir>/bench-distcc)
#
# Each build starts from an empty output folder (every archive is in the
# download cache first); per configuration, in one run:
#   cold           no cache, -j2
#   ccache, empty  KILN_CCACHE=1, the benchmark's own empty cache, -j2
#   ccache, warm   the same again in the same (emptied) output folder, every
#                  object in the cache, -j2
#   distcc         KILN_DISTCC=1, no cache, -j4 (the two helpers' slots):
#                  helpers started here (tests/lib/distcc-helpers.bash),
#                  one on 127.0.0.1, one in a network namespace; root only
# with the wall time and this machine's CPU time (the build's processes;
# the helpers' are not among them), and for distcc the compiles each side
# did and the time the helpers' compiles took.
#
# Here the helpers run on this machine's own cores: they are another place
# for compiles to go, not more processors, so the distcc line reports where
# the work went and claims no speed-up (the output says so too).
#
#   KILN_BENCH_CONFIGS   the defconfigs (default: hvt_defconfig hvt_selftests_defconfig)
set -u

. "$(dirname "$0")/lib.bash"
. "$top/tests/lib/distcc-helpers.bash"
bench_args "$@"
work=$out/bench-distcc
configs=${KILN_BENCH_CONFIGS:-hvt_defconfig hvt_selftests_defconfig}
helpers=$work/helpers
rm -rf "$work"
mkdir -p "$work/builds"
bench_log "$work/bench.log"

# The user's settings would change what is measured.
unset KILN_CCACHE KILN_DISTCC CCACHE_PREFIX
export CCACHE_DIR=$work/ccache DISTCC_DIR=$work/distcc-client KILN_DL_DIR=$work/dl
mkdir -p "$DISTCC_DIR"

# The helpers, if this machine lets them run here.
distcc_why_not=
if [ "$(id -u)" -ne 0 ]; then
	distcc_why_not="the helpers' network namespace needs root"
elif ! command -v distccd >/dev/null 2>&1; then
	distcc_why_not="distccd is not installed (Debian package distcc; sudo ./scripts/setup)"
else
	DISTCC_HIDE=("$top" "$work/builds")
	trap 'distcc_helpers_down "$helpers"' EXIT
	if distcc_helpers_up "$helpers" 2>>"$log"; then
		export DISTCC_HOSTS
		DISTCC_HOSTS=$(cat "$helpers/hosts")
	else
		distcc_why_not="the helpers did not start (see $log)"
	fi
fi

# The selftests configuration's archives: a local mirror, as file:// site.
site_args=()
if mirror=$("$top/tests/mirror/build-mirror" mbedtls cjson lz4 lua libm 2>>"$log"); then
	site_args=(KILN_PRIMARY_SITE=file://$mirror KILN_PRIMARY_SITE_ONLY=y)
fi

# make_to_build_log ARGS...: bench_make, its output in $build_log (replaced).
make_to_build_log() {
	bench_make "$@" >"$build_log" 2>&1
}

# clean_build DEFCONFIG NAME JOBS [MAKE ARGS...]: one build of DEFCONFIG
# from an empty output folder builds/NAME, its log in builds/NAME.log.
# Prints its wall time in microseconds, then bash's `times` (its second
# line: the CPU time of the build's processes). Run it in a subshell.
clean_build() {
	local defconfig=$1 name=$2 jobs=$3
	shift 3
	build_log=$work/builds/$name.log
	rm -rf "${work:?}/builds/$name"
	bench_make_logged O="$work/builds/$name" "${site_args[@]}" "$defconfig" || return 1
	timed make_to_build_log O="$work/builds/$name" "${site_args[@]}" "$@" -j"$jobs" || return 1
	times
}

# report LABEL DEFCONFIG NAME JOBS [MAKE ARGS...]: one clean build and its
# line; sets wall (microseconds) for the caller.
report() {
	local label=$1 defconfig=$2 name=$3 jobs=$4 t
	shift 4
	t=$(clean_build "$defconfig" "$name" "$jobs" "$@") ||
		bench_fail "$defconfig, $label: the build failed" "$work/builds/$name.log"
	wall=${t%%$'\n'*}
	printf '%s, %-14s -j%s: %8s s wall, %8s s CPU here\n' "$defconfig" "$label" "$jobs" \
		"$(secs "$wall")" "$(secs "$(cpu_us "$t")")"
}

# compiles LOG KINDS: how many compiles of KINDS (an ERE: CC|HOSTCC) LOG shows.
compiles() {
	grep -cE "^  ($2) .*\\.o\$" "$1"
}

for defconfig in $configs; do
	[ -f "$top/configs/$defconfig" ] || bench_fail "no configs/$defconfig"
	if [ "$defconfig" != hvt_defconfig ] && [ ${#site_args[@]} -eq 0 ]; then
		echo "$defconfig: left out: no mirror of its archives (Debian's source archive unreachable; see $log)"
		continue
	fi
	# Every archive into the download cache, untimed.
	rm -rf "$work/builds/source"
	bench_make_logged O="$work/builds/source" "${site_args[@]}" "$defconfig" &&
		bench_make_logged O="$work/builds/source" "${site_args[@]}" source ||
		bench_fail "$defconfig: make source failed" "$log"

	report cold "$defconfig" cold 2
	cold=$wall
	rm -rf "$CCACHE_DIR"
	# Both in one output folder, emptied in between: the packages' sources,
	# extracted into it, hit only from the same place (README, "A compiler cache").
	report "ccache, empty" "$defconfig" ccache 2 KILN_CCACHE=1
	ccache -z >/dev/null
	report "ccache, warm" "$defconfig" ccache 2 KILN_CCACHE=1
	hits=$(ccache --print-stats | awk '$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { h += $2 } END { print h + 0 }')
	awk -v w="$wall" -v c="$cold" -v h="$hits" -v n="$(compiles "$work/builds/ccache.log" 'CC|AS|HOSTCC')" \
		'BEGIN { printf "  warm ccache: %.0f%% of the cold wall time (%d of its %d compiles from the cache)\n", 100 * w / c, h, n }'

	if [ -n "$distcc_why_not" ]; then
		echo "$defconfig, distcc: left out: $distcc_why_not"
		continue
	fi
	a0=$(distcc_helper_jobs "$helpers" loopback) b0=$(distcc_helper_jobs "$helpers" netns)
	ams0=$(distcc_helper_job_ms "$helpers" loopback) bms0=$(distcc_helper_job_ms "$helpers" netns)
	report distcc "$defconfig" distcc 4 KILN_DISTCC=1
	n=$(compiles "$work/builds/distcc.log" 'CC|HOSTCC')
	s=$(compiles "$work/builds/distcc.log" 'AS')
	a=$(($(distcc_helper_jobs "$helpers" loopback) - a0)) b=$(($(distcc_helper_jobs "$helpers" netns) - b0))
	ms=$(($(distcc_helper_job_ms "$helpers" loopback) - ams0 + $(distcc_helper_job_ms "$helpers" netns) - bms0))
	echo "  distcc: of $n C compiles, $a ran on the helper on 127.0.0.1 and $b on the one in a network namespace" \
		"($(secs $((ms * 1000))) s of compiling there, summed); $((n - a - b)) C and $s assembler compiles ran here," \
		"as did every preprocessing and link"
done
if [ -z "$distcc_why_not" ]; then
	echo "note: these helpers run on this machine's own $(nproc) cores, not on other machines: the distcc lines" \
		"show where the compiles went, not a speed-up, and claim none"
fi
