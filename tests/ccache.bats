#!/usr/bin/env bats
# The compiler cache (package/pkg-ccache.mk): KILN_CCACHE=1 puts ccache in
# front of every target and host compile and of no link; a second build in
# another output folder takes its objects from the cache and links the same
# image; another compiler never hits; KILN_CCACHE=0 and the Kconfig option; make ccache-stats.
#
# The tests run in order and share one cache, the suite's own (CCACHE_DIR):
# the user's is never touched.

load lib/common

setup_file() {
	command -v ccache >/dev/null || return 0
	export CCACHE_DIR=$KILN_SUITE_TMP/cache
	rm -rf "$CCACHE_DIR"
}

setup() {
	command -v ccache >/dev/null || skip "ccache is not installed (Debian package ccache; sudo ./scripts/setup)"
}

# stat NAME: a counter of ccache --print-stats.
stat() {
	ccache --print-stats | awk -v n="$1" '$1 == n { print $2 }'
}

hits() {
	echo $(($(stat direct_cache_hit) + $(stat preprocessed_cache_hit)))
}

# compiles LOG: how many compiles (target and host) a build's log shows.
compiles() {
	grep -cE '^  (CC|AS|HOSTCC) ' "$1"
}

@test "KILN_CCACHE=1: every compile goes through ccache, no link does" {
	ccache -z >/dev/null
	kiln_build "$KILN_SUITE_TMP/one" hvt_defconfig KILN_CCACHE=1
	local n
	n=$(compiles "$KILN_SUITE_TMP/one.log")
	[ "$n" -gt 150 ]
	# Every compile was a miss (the cache was empty); the two wrappers are
	# host programs linked in the same command, which ccache does not cache.
	[ "$(stat cache_miss)" -ge $((n - 2)) ] || { echo "$n compiles, $(stat cache_miss) misses"; return 1; }
	[ "$(stat called_for_link)" -eq 0 ]
	[ "$(hits)" -eq 0 ]
}

@test "a second build in another output folder takes its objects from the cache, same image" {
	[ -f "$KILN_SUITE_TMP/one/images/hello.hvt" ] || skip "the first build failed"
	ccache -z >/dev/null
	mkdir -p "$KILN_SUITE_TMP/elsewhere"
	kiln_build "$KILN_SUITE_TMP/elsewhere/two" hvt_defconfig KILN_CCACHE=1
	local n
	n=$(compiles "$KILN_SUITE_TMP/elsewhere/two.log")
	# The manifest, generated into the output folder, is the one source
	# whose path differs; everything else hits.
	[ "$(hits)" -ge $((n - 4)) ] || { echo "$n compiles, $(hits) hits"; ccache --print-stats; return 1; }
	cmp "$KILN_SUITE_TMP/one/images/hello.hvt" "$KILN_SUITE_TMP/elsewhere/two/images/hello.hvt"
}

@test "another compiler (other bytes) never hits the objects of the first" {
	[ -f "$KILN_SUITE_TMP/one/images/hello.hvt" ] || skip "the first build failed"
	local bin=$KILN_SUITE_TMP/other-gcc gcc
	gcc=$(command -v gcc)
	mkdir -p "$bin"
	# Another compiler named gcc, first on PATH: other bytes, the same objects.
	printf '#!/bin/sh\n# another compiler\nexec %s "$@"\n' "$gcc" >"$bin/gcc"
	chmod +x "$bin/gcc"
	ccache -z >/dev/null
	PATH=$bin:$PATH kiln_build "$KILN_SUITE_TMP/three" hvt_defconfig KILN_CCACHE=1
	[ "$(hits)" -eq 0 ] || { echo "$(hits) hits with another compiler"; return 1; }
	[ "$(stat cache_miss)" -gt 150 ]
}

@test "KILN_CCACHE=0 overrides the Kconfig option; the option alone turns the cache on" {
	local out=$KILN_SUITE_TMP/option
	rm -rf "$out"
	printf 'KILN_PLATFORM_HVT=y\nKILN_APP_HELLO=y\nKILN_USE_CCACHE=y\n' >"$KILN_SUITE_TMP/ccache_defconfig"
	kiln_load_config "$out" "$KILN_SUITE_TMP/ccache_defconfig"
	ccache -z >/dev/null
	run kiln_make "$out" KILN_CCACHE=0 -j2
	assert_status 0
	[ "$(stat cache_miss)" -eq 0 ] && [ "$(hits)" -eq 0 ] ||
		{ echo "ccache was called with KILN_CCACHE=0"; ccache --print-stats; return 1; }
	run kiln_make "$out" clean
	run kiln_make "$out" -j2
	assert_status 0
	[ "$(hits)" -gt 150 ] || { echo "$(hits) hits with KILN_USE_CCACHE=y"; return 1; }
}

@test "make ccache-stats shows the cache's counters" {
	run kiln_make "$KILN_SUITE_TMP/option" ccache-stats
	assert_status 0
	assert_output_matches 'Hits: +[0-9]+'
	assert_output_has "$CCACHE_DIR"
}
