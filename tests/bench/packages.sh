#!/bin/bash
# Benchmark: building packages in the one make graph. Prints numbers; it
# checks nothing (tests/pkg-build.bats does).
#
#   tests/bench/packages.sh [O=<dir>]   (default: output/; works in <dir>/bench-packages)
#
# With spt_lua_defconfig plus cJSON and lz4 selected (every package of the
# package issue: Lua, libm, cJSON, lz4, from a local mirror of Debian's source
# archive, tests/mirror/build-mirror) or, when that mirror cannot be made,
# the test tree's spt_calc_demo_defconfig; every archive is in the cache
# before anything is timed (file:// primary site, no server):
#   - clean build wall time at -j1 and -j2, and their ratio
#     (median of KILN_BENCH_BUILDS runs each, default 1)
#   - no-op make, and make after touching one source file of the package
#     (a typical one, and Lua's largest, lvm.c; medians of KILN_BENCH_REPEATS
#     runs, default 5), with the number of objects the touch recompiled
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-packages
builds=${KILN_BENCH_BUILDS:-1}
repeats=${KILN_BENCH_REPEATS:-5}
rm -rf "$work"
bench_log "$work/bench.log"

# quietly_to FILE CMD...: CMD, its output in FILE (replaced).
quietly_to() {
	"${@:2}" >"$1" 2>&1
}

# configure DIR: a fresh output folder with the benchmark's configuration.
configure() {
	rm -rf "$1"
	bench_make_logged O="$1" KILN_EXTERNAL="$external" $defconfig || return 1
	[ -z "$extra_symbols" ] && return 0
	printf '%s\n' "$extra_symbols" | cat "$top/configs/$defconfig" - >"$work/all_defconfig"
	bench_make_logged O="$1" defconfig DEFCONFIG="$work/all_defconfig"
}

# The build under test: a defconfig, KILN_EXTERNAL, and a source to touch
# (relative to the output folder). Lua when its mirror and defconfig work.
defconfig=spt_lua_defconfig
external=
extra_symbols="KILN_PACKAGE_CJSON=y
KILN_PACKAGE_LZ4=y"
touched="build/lua-5.4.4/src/lstring.c build/lua-5.4.4/src/lvm.c"
if ! { [ -f "$top/configs/$defconfig" ] &&
	mirror=$("$top/tests/mirror/build-mirror" lua libm cjson lz4 2>>"$log") &&
	KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror configure "$work/source"; }; then
	echo "packages.sh: $defconfig or its mirror does not work here (see $log); using the test tree's calc-demo"
	# pkg-helpers.bash is written for bats; its `load` is the only bats word it needs.
	# shellcheck disable=SC1090 # the only file it loads is tests/lib/dl-helpers.bash
	load() { . "$top/tests/$1.bash"; }
	. "$top/tests/lib/pkg-helpers.bash"
	mirror=$work/mirror
	pkg_make_archives "$top/tests/fixtures/pkg-tree/upstream" "$mirror" || exit 1
	defconfig=spt_calc_demo_defconfig
	extra_symbols=
	external=$top/tests/fixtures/pkg-tree
	touched=build/tinycalc-1.0/square.c
	configure "$work/source" || { echo "packages.sh: $defconfig failed too; see $log" >&2; exit 1; }
fi
export KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror
unset KILN_BACKUP_SITE KILN_EXTERNAL

# Every archive into the cache first: the timings below never download.
bench_make_logged O="$work/source" source ||
	{ echo "packages.sh: make source failed; see $log" >&2; exit 1; }

# ms MICROSECONDS: as milliseconds with one decimal.
ms() {
	echo "$(msecs "$1" 1) ms"
}

echo "configuration: $defconfig${extra_symbols:+ + $(echo $extra_symbols)} (archives in the cache; $(nproc) CPUs)"

# The check every extraction makes first (scripts/verify-archive), on the
# largest archive in the cache against its package's hash file; beside it
# sha256sum alone and a process that does nothing, so that the start-up of
# a process (slow on some machines) is not taken for the cost of hashing.
largest=$(find "$KILN_DL_DIR" -type f -name '*.tar*' ! -name '*.lock' ! -name '*.part' \
	-printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
name=$(basename "$(dirname "$largest")")
hashfile=$(ls "$top/package/$name/$name.hash" ${external:+"$external/package/$name/$name.hash"} 2>/dev/null | head -1)
[ -n "$largest" ] && [ -n "$hashfile" ] || bench_fail "no archive or hash file to verify in $KILN_DL_DIR" "$log"
sha256_only() {
	sha256sum "$1" >/dev/null
}
verify=() hash=() empty=()
for _ in $(seq "$repeats"); do
	verify+=("$(timed "$top/scripts/verify-archive" "$largest" "$hashfile")") ||
		bench_fail "$largest does not verify against $hashfile" "$log"
	hash+=("$(timed sha256_only "$largest")")
	empty+=("$(timed /bin/true)")
done
printf 'archive check before extraction, %s (%d KiB; median of %d): %s (sha256sum alone %s, an empty process %s)\n' \
	"${largest##*/}" $(($(stat -c %s "$largest") / 1024)) "$repeats" \
	"$(ms "$(median "${verify[@]}")")" "$(ms "$(median "${hash[@]}")")" "$(ms "$(median "${empty[@]}")")"

# clean JOBS: median wall time of a clean build at -jJOBS, in microseconds.
clean() {
	local jobs=$1 _ t times=() dir=$work/j$1
	for _ in $(seq "$builds"); do
		configure "$dir" || return 1
		t=$(timed bench_make_logged O="$dir" -j"$jobs") ||
			{ echo "packages.sh: build at -j$jobs failed; see $log" >&2; return 1; }
		times+=("$t")
	done
	median "${times[@]}"
}

j1=$(clean 1) && [ -n "$j1" ] || exit 1
j2=$(clean 2) && [ -n "$j2" ] || exit 1
printf 'clean build -j1:            %s\n' "$(ms "$j1")"
printf 'clean build -j2:            %s\n' "$(ms "$j2")"
awk -v a="$j1" -v b="$j2" 'BEGIN { printf "speed-up -j2 over -j1:      %.2fx\n", a / b }'

dir=$work/j2
times=()
for _ in $(seq "$repeats"); do
	t=$(timed bench_make_logged O="$dir" -j2) || bench_fail "a no-op make failed" "$log"
	times+=("$t")
done
noop=$(median "${times[@]}")
printf 'no-op make (median of %d): %s\n' "$repeats" "$(ms "$noop")"

for file in $touched; do
	[ -f "$dir/$file" ] || { echo "packages.sh: $dir/$file is not there; see $log" >&2; exit 1; }
	times=()
	for _ in $(seq "$repeats"); do
		touch "$dir/$file"
		t=$(timed quietly_to "$work/touch.log" bench_make O="$dir" -j2)
		cat "$work/touch.log" >>"$log"
		[ -n "$t" ] || bench_fail "make after touching $file failed" "$log"
		times+=("$t")
	done
	objs=$(grep -c '^  CC ' "$work/touch.log")
	printf 'make after touching %s (median of %d): %s, %s object(s) recompiled\n' \
		"${file#build/}" "$repeats" "$(ms "$(median "${times[@]}")")" "$objs"
done
