#!/bin/bash
# Benchmark: what frame pointers (Kconfig FRAME_POINTERS, the default; the
# guest's backtraces walk them) cost. The same spt configurations built
# with and without them:
#   - the code size (text) of hello, bench-runtime, bench-calls, and of
#     lua-script when a mirror of Debian's source archive can be made
#     (tests/mirror/build-mirror);
#   - speed: the CPU time bench-calls (tests/bench/fixtures/bench-tree:
#     recursive calls, qsort, an interpreter loop) takes for fixed work
#     inside the unikernel, the least of KILN_BENCH_ROUNDS (default 3)
#     rounds that alternate the two builds. CPU time, not the clock's: on
#     a machine busy with other work the clock also times that work.
# cost = how much larger or slower with frame pointers.
#
#   tests/bench/frame-pointers.sh [O=<dir>]     (works in <dir>/bench/frame-pointers)
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench/frame-pointers
tree=$top/tests/bench/fixtures/bench-tree
mkdir -p "$work"
bench_log "$work/bench.log"

# build NAME FP DEFCONFIG-LINES APPS...: an output folder $work/NAME with
# those lines (plus frame pointers on or off), building APPS.
build() {
	local name=$1 fp=$2 lines=$3 o=$work/$1
	shift 3
	rm -rf "$o"
	{
		printf '%s\n' "$lines"
		if [ "$fp" = y ]; then echo KILN_FRAME_POINTERS=y; else echo '# KILN_FRAME_POINTERS is not set'; fi
	} >"$o.defconfig"
	bench_make_logged O="$o" KILN_EXTERNAL="$tree" defconfig DEFCONFIG="$o.defconfig" &&
		bench_make_logged O="$o" -j"$(nproc)" all "$@"
}

# text IMAGE: its code bytes.
text() {
	size "$1" | awk 'NR == 2 { print $1 }'
}

for fp in y n; do
	build "spt-$fp" "$fp" "KILN_PLATFORM_SPT=y
KILN_APP_BENCH_CALLS=y" hello bench-runtime ||
		bench_fail "building bench-calls (frame pointers: $fp) failed" "$log"
done
lua=
if mirror=$("$top/tests/mirror/build-mirror" lua libm 2>>"$log"); then
	lua=y
	for fp in y n; do
		KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror \
			build "lua-$fp" "$fp" "$(cat "$top/configs/spt_lua_defconfig")" || lua=
	done
fi

echo "frame pointers (-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer) on spt, $(gcc -dumpfullversion) -O2"
printf '%-40s %14s %14s %8s\n' "code size (text bytes)" "with" "without" "cost"
size_line() {
	local with without
	with=$(text "$1") without=$(text "$2")
	awk -v n="$3" -v a="$with" -v b="$without" \
		'BEGIN { printf "%-40s %14d %14d %7.1f%%\n", n, a, b, (a - b) * 100 / b }'
}
for app in hello bench-runtime bench-calls; do
	size_line "$work/spt-y/images/$app.spt" "$work/spt-n/images/$app.spt" "$app"
done
if [ -n "$lua" ]; then
	size_line "$work/lua-y/images/lua-script.spt" "$work/lua-n/images/lua-script.spt" "lua-script (Lua 5.4, libm)"
else
	echo "(lua-script not built: no mirror of Debian's source archive; see $log)"
fi

# cpu FP KERNEL UNITS: the CPU seconds (user + system) of bench-calls
# doing UNITS of KERNEL: what the work cost, however busy the machine is.
cpu() {
	local TIMEFORMAT='%U %S' t
	t=$( { time "$work/spt-$1/host/bin/kiln-spt" --mem=256 "$work/spt-$1/images/bench-calls.spt" \
		"$2" "$3" >>"$log" 2>&1; } 2>&1) || bench_fail "bench-calls $2 $3 failed" "$log"
	echo "$t" | awk '{ print $1 + $2 }'
}

# Rounds that alternate the two builds; each number is the least CPU time
# of its rounds.
rounds=${KILN_BENCH_ROUNDS:-3}
printf '%-40s %14s %14s %8s\n' "CPU seconds for fixed work" "with" "without" "cost"
while read -r kernel units what; do
	declare -A best=()
	for ((round = 0; round < rounds; round++)); do
		for fp in y n; do
			t=$(cpu "$fp" "$kernel" "$units")
			if [ -z "${best[$fp]:-}" ] || awk -v a="$t" -v b="${best[$fp]}" 'BEGIN { exit !(a < b) }'; then
				best[$fp]=$t
			fi
		done
	done
	awk -v n="$what" -v a="${best[y]}" -v b="${best[n]}" \
		'BEGIN { printf "%-40s %14.3f %14.3f %7.1f%%\n", n, a, b, (a - b) * 100 / b }'
done <<'KERNELS'
fib 300000000 300 M calls (recursive fib)
qsort 5000000 qsort of 5 M integers
interpreter 1000000000 1000 M interpreter steps
KERNELS
echo "(the least of $rounds alternating rounds; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
