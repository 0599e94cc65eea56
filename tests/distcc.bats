#!/usr/bin/env bats
# Distributed compiles (package/pkg-distcc.mk) on real distccd servers
# started here (tests/lib/distcc-helpers.bash): one on 127.0.0.1, one in a
# network namespace of the suite's own, each with its own log and compiler
# processes, and neither able to see Kiln's tree or the output folders. So
# what they compile can only be what this machine preprocessed.
#
# hello on hvt is built at -j4 with DISTCC_HOSTS naming both: compiles run
# on each, preprocessing here, no link through distcc, and the image is a
# local build's byte for byte; the same under ccache (CCACHE_PREFIX), whose
# cache then serves a local build; another launcher (icecc) by the same
# mechanism, from the Kconfig option too, and KILN_DISTCC=0 over it; a
# missing launcher named; and, last, helpers killed mid-build: the build
# moves their compiles to the other helper, then here, and its image is
# still the local one.

load lib/common
load lib/distcc-helpers

OUTS=$KILN_SUITE_TMP/out
HELPERS=$KILN_SUITE_TMP/helpers
REFERENCE=$OUTS/local/images/hello.hvt

setup_file() {
	# bats 1.8 cannot skip from setup_file: setup skips each test.
	local cmd
	for cmd in distcc distccd ip unshare ss; do
		command -v "$cmd" >/dev/null 2>&1 || {
			export SUITE_SKIP="$cmd is not installed (Debian packages distcc, iproute2, util-linux; sudo ./scripts/setup)"
			return 0
		}
	done
	[ "$(id -u)" -eq 0 ] || { export SUITE_SKIP="the helpers' network namespace needs root (run the suite as root)"; return 0; }
	rm -rf "$OUTS" && mkdir -p "$OUTS" || return 1
	DISTCC_HIDE=("$KILN_TOP" "$OUTS")
	distcc_helpers_up "$HELPERS" || { distcc_helpers_down "$HELPERS"; return 1; }
	export DISTCC_HOSTS
	DISTCC_HOSTS=$(cat "$HELPERS/hosts")
	# distcc's own state (locks, which helper failed when), the suite's.
	export DISTCC_DIR=$KILN_SUITE_TMP/distcc-client
	# The user's settings would change what is built.
	export -n KILN_DISTCC KILN_CCACHE CCACHE_PREFIX
}

teardown_file() {
	[ -n "${SUITE_SKIP:-}" ] || distcc_helpers_down "$HELPERS"
}

setup() {
	[ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP"
	# A helper a test saw fail is shunned for a minute; not by the next test.
	rm -rf "$DISTCC_DIR" && mkdir -p "$DISTCC_DIR"
}

# c_compiles LOG: how many C compiles, target and host, a build's log
# shows: the ones distcc ships (it compiles .S sources here; the two
# wrappers are host programs compiled and linked in one command).
c_compiles() {
	grep -cE '^  (CC|HOSTCC) .*\.o$' "$1"
}

jobs_on() {
	distcc_helper_jobs "$HELPERS" "$1"
}

# reference_image: hello on hvt built here alone (no launcher); once.
reference_image() {
	[ -f "$REFERENCE" ] || kiln_build "$OUTS/local" hvt_defconfig
}

# distributed_make O LOG [MAKE ARGS...]: a fresh O (hvt_defconfig) built at
# -j4 with ARGS; make's output in LOG, distcc's own (DISTCC_VERBOSE) in
# LOG.distcc. Runs in the background when DISTRIBUTED_BACKGROUND=1 (its
# pid in $BUILD_PID).
distributed_make() {
	local out=$1 log=$2
	shift 2
	rm -rf "$out" "$log" "$log.distcc"
	kiln_make_logged "$log" "$out" hvt_defconfig || return 1
	if [ "${DISTRIBUTED_BACKGROUND:-}" = 1 ]; then
		DISTCC_VERBOSE=1 DISTCC_LOG=$log.distcc kiln_make "$out" "$@" -j4 >>"$log" 2>&1 3>&- &
		BUILD_PID=$!
	else
		DISTCC_VERBOSE=1 DISTCC_LOG=$log.distcc kiln_make_logged "$log" "$out" "$@" -j4
	fi
}

# assert_shipped_here_preprocessed LOG N: distcc's log LOG (DISTCC_VERBOSE)
# shows N compiles preprocessed on this machine and no command that was not
# a compile (a link would be one).
assert_shipped_here_preprocessed() {
	local cpp
	cpp=$(grep -cE '^distcc\[[0-9]+\] cpp .* on localhost completed ok$' "$1" || true)
	[ "$cpp" -eq "$2" ] || { echo "distcc preprocessed $cpp sources here, expected $2 (the compiles shipped)"; return 1; }
	if grep -F 'called not for compile' "$1"; then
		echo "distcc was handed a command that is no compile (above)"
		return 1
	fi
}

# assert_dependency_files O STAMP: every object of O has its dependency
# file beside it (make reads them there), and nothing in Kiln's tree is
# newer than STAMP (distcc writes an unnamed one to the current folder).
assert_dependency_files() {
	local o missing=0 written
	while IFS= read -r o; do
		[ -f "${o%.o}.d" ] || { echo "no ${o%.o}.d"; missing=$((missing + 1)); }
	done < <(find "$1/build" -name '*.o')
	[ $missing -eq 0 ] || return 1
	written=$(find "$KILN_TOP" -path "$KILN_TOP/.git" -prune -o -type f -newer "$2" -print)
	[ -z "$written" ] || { echo "written into Kiln's tree: $written"; return 1; }
}

@test "KILN_DISTCC=1: compiles run on the helper on 127.0.0.1 and the one in the namespace, preprocessed here; the image is a local build's" {
	reference_image
	local a0 b0 n a b out=$OUTS/distcc
	a0=$(jobs_on loopback) b0=$(jobs_on netns)
	touch "$BATS_TEST_TMPDIR/stamp"
	distributed_make "$out" "$out.log" KILN_DISTCC=1
	n=$(c_compiles "$out.log")
	a=$(($(jobs_on loopback) - a0)) b=$(($(jobs_on netns) - b0))
	echo "$n C compiles: $a on the helper on 127.0.0.1, $b on the one at $(cat "$HELPERS/netns.addr")"
	[ "$n" -gt 150 ]
	[ "$a" -gt 10 ] && [ "$b" -gt 10 ] || { echo "a helper had (almost) nothing to do"; return 1; }
	# Every one shipped: no helper failed, none is on the helpers' list twice.
	[ $((a + b)) -eq "$n" ] || { echo "$((n - a - b)) compiles were not shipped"; grep -i -E 'warning|error' "$out.log.distcc" | head; return 1; }
	assert_shipped_here_preprocessed "$out.log.distcc" "$n"
	assert_dependency_files "$out" "$BATS_TEST_TMPDIR/stamp"
	assert_same_image "$REFERENCE" "$out/images/hello.hvt"
	# The host programs too: the tender compiled on the helpers is the local one.
	cmp "$OUTS/local/host/bin/kiln-hvt" "$out/host/bin/kiln-hvt"
}

@test "with ccache on too, a miss goes to the helpers (CCACHE_PREFIX), the image is a local ccache build's, and the cache serves a local build" {
	command -v ccache >/dev/null || skip "ccache is not installed (Debian package ccache; sudo ./scripts/setup)"
	local a0 b0 n a b out=$OUTS/ccache-distcc
	export CCACHE_DIR=$KILN_SUITE_TMP/ccache-distcc
	rm -rf "$CCACHE_DIR" "$KILN_SUITE_TMP/ccache-local"
	a0=$(jobs_on loopback) b0=$(jobs_on netns)
	distributed_make "$out" "$out.log" KILN_DISTCC=1 KILN_CCACHE=1
	n=$(c_compiles "$out.log")
	a=$(($(jobs_on loopback) - a0)) b=$(($(jobs_on netns) - b0))
	echo "$n C compiles, all cache misses: $a on the helper on 127.0.0.1, $b on the other"
	[ "$a" -gt 10 ] || { echo "only $a compiles on the helper on 127.0.0.1"; return 1; }
	[ "$b" -gt 10 ] || { echo "only $b compiles on the helper in the namespace"; return 1; }
	[ $((a + b)) -eq "$n" ]
	# ccache hands distcc the text it preprocessed for its key (CCACHE_NOCPP2).
	assert_shipped_here_preprocessed "$out.log.distcc" 0
	[ "$(grep -c ' exec on .*:[0-9]*/2: ' "$out.log.distcc")" -eq "$n" ]

	# A local ccache build, with a cache of its own: the same image.
	CCACHE_DIR=$KILN_SUITE_TMP/ccache-local kiln_build "$OUTS/ccache-local" hvt_defconfig KILN_CCACHE=1
	assert_same_image "$OUTS/ccache-local/images/hello.hvt" "$out/images/hello.hvt"

	# The objects the helpers made serve a local build from the cache.
	a0=$(jobs_on loopback) b0=$(jobs_on netns)
	ccache -z >/dev/null
	kiln_make_logged "$out.local.log" "$out" clean
	kiln_make_logged "$out.local.log" "$out" KILN_CCACHE=1 KILN_DISTCC=0 -j2
	# Every compile hits: the C ones the helpers did, and the .S ones
	# ccache cached here (distcc compiles those here).
	local hits cached
	cached=$(grep -cE '^  (CC|AS|HOSTCC) .*\.o$' "$out.local.log")
	hits=$(ccache --print-stats | awk '$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { h += $2 } END { print h + 0 }')
	[ "$hits" -eq "$cached" ] || { echo "$hits hits of $cached compiles"; ccache --print-stats; return 1; }
	[ "$(jobs_on loopback)" -eq "$a0" ] || { echo "a cache hit went to the helper on 127.0.0.1"; return 1; }
	[ "$(jobs_on netns)" -eq "$b0" ] || { echo "a cache hit went to the helper in the namespace"; return 1; }
	assert_same_image "$OUTS/ccache-local/images/hello.hvt" "$out/images/hello.hvt"
}

@test "another launcher by the same mechanism: KILN_DISTCC=icecc and the Kconfig option front every compile, never a link; KILN_DISTCC=0 overrides the option" {
	local bin=$BATS_TEST_TMPDIR/bin out=$OUTS/launcher
	export LAUNCHER_LOG=$BATS_TEST_TMPDIR/launcher.log
	mkdir -p "$bin"
	# icecream's launcher, as far as the build can tell: it runs its arguments.
	printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"$LAUNCHER_LOG"\nexec "$@"\n' >"$bin/icecc"
	chmod +x "$bin/icecc"
	: >"$LAUNCHER_LOG"
	rm -rf "$out"
	kiln_make_logged "$out.log" "$out" hvt_defconfig
	PATH=$bin:$PATH kiln_make_logged "$out.log" "$out" KILN_DISTCC=icecc -j2 boot-hvt
	local n
	n=$(grep -cE '^  (CC|AS) ' "$out.log")
	[ "$n" -gt 10 ]
	[ "$(wc -l <"$LAUNCHER_LOG")" -eq "$n" ] || { echo "$n compiles, the launcher ran $(wc -l <"$LAUNCHER_LOG") times"; return 1; }
	# Each one a compile of gcc's (the launcher gets the compiler and its arguments).
	run grep -vE '^gcc .* -c ' "$LAUNCHER_LOG"
	[ -z "$output" ] || { echo "the launcher ran what is no compile: $output"; return 1; }

	# The Kconfig option, naming the launcher by its path.
	printf 'KILN_PLATFORM_HVT=y\nKILN_APP_HELLO=y\nKILN_USE_DISTCC=y\nKILN_DISTCC_LAUNCHER="%s"\n' "$bin/icecc" \
		>"$BATS_TEST_TMPDIR/launcher_defconfig"
	rm -rf "$out"
	kiln_load_config "$out" "$BATS_TEST_TMPDIR/launcher_defconfig"
	: >"$LAUNCHER_LOG"
	kiln_make_logged "$out.log" "$out" -j2 boot-hvt
	[ "$(wc -l <"$LAUNCHER_LOG")" -eq "$n" ]
	# KILN_DISTCC=0 over it: no launcher.
	kiln_make_logged "$out.log" "$out" clean
	: >"$LAUNCHER_LOG"
	kiln_make_logged "$out.log" "$out" KILN_DISTCC=0 -j2 boot-hvt
	[ ! -s "$LAUNCHER_LOG" ] || { echo "the launcher ran with KILN_DISTCC=0"; return 1; }
	[ -f "$out/build/.toolchain/x86_64-kiln-cc.c" ]
	run grep -F "$bin/icecc" "$out/build/.toolchain/x86_64-kiln-cc.c"
	assert_status 1
}

@test "a launcher that is not installed is named, with its package and how to turn it off" {
	local out=$OUTS/missing
	rm -rf "$out"
	kiln_make_logged "$out.log" "$out" hvt_defconfig
	run kiln_make "$out" KILN_DISTCC=distcc-not-installed boot-hvt
	[ "$status" -ne 0 ]
	assert_output_has "distcc-not-installed is not on PATH"
	assert_output_has "KILN_DISTCC=0"
	# Nothing was compiled.
	[ ! -e "$out/build/boot-hvt" ] || [ -z "$(find "$out/build" -name '*.o')" ]
}

@test "make distcc-hosts lists the helpers distcc sends compiles to" {
	local out=$OUTS/missing
	[ -f "$out/.config" ] || kiln_make_logged "$out.log" "$out" hvt_defconfig
	run kiln_make "$out" distcc-hosts
	assert_status 0
	assert_output_has "$(cut -d' ' -f1 "$HELPERS/hosts")"
	assert_output_has "$(cut -d' ' -f2 "$HELPERS/hosts")"
}

@test "__DATE__ and __TIME__, which would expand on a helper, are named (-Wdate-time)" {
	reference_image
	printf 'const char *built = __DATE__;\n' >"$BATS_TEST_TMPDIR/date.c"
	run "$OUTS/local/host/bin/x86_64-kiln-cc" -c "$BATS_TEST_TMPDIR/date.c" -o "$BATS_TEST_TMPDIR/date.o"
	assert_status 0
	assert_output_has "-Wdate-time"
}

@test "-E through the wrapper still expands macros (-fdirectives-only is only for compiles that make code)" {
	reference_image
	printf '#define KILN_ANSWER 42\nint answer = KILN_ANSWER;\n' >"$BATS_TEST_TMPDIR/macro.c"
	run "$OUTS/local/host/bin/x86_64-kiln-cc" -E "$BATS_TEST_TMPDIR/macro.c"
	assert_status 0
	assert_output_has "int answer = 42;"
	run "$OUTS/local/host/bin/x86_64-kiln-cc" --kiln-flags
	assert_output_has "-fdirectives-only"
}

# wait_for_jobs NAME COUNT: until helper NAME has done COUNT compiles, while
# the build ($BUILD_PID) runs; fails if it ends first or after 5 minutes.
wait_for_jobs() {
	local tries=0
	until [ "$(jobs_on "$1")" -ge "$2" ]; do
		kill -0 "$BUILD_PID" 2>/dev/null || { echo "the build ended before the $1 helper had done $2 compiles"; return 1; }
		[ $tries -lt 3000 ] || { echo "the $1 helper did not reach $2 compiles in 5 minutes"; return 1; }
		sleep 0.1
		tries=$((tries + 1))
	done
	kill -0 "$BUILD_PID" 2>/dev/null || { echo "the build ended as the $1 helper reached $2 compiles"; return 1; }
}

# Last: it ends both helpers.
@test "helpers killed mid-build: their compiles go to the other helper, then are done here; the build succeeds with the local image" {
	reference_image
	local out=$OUTS/killed a0 b0 b_killed a_killed n status=0
	a0=$(jobs_on loopback) b0=$(jobs_on netns)
	DISTRIBUTED_BACKGROUND=1 distributed_make "$out" "$out.log" KILN_DISTCC=1
	wait_for_jobs netns $((b0 + 5)) || { kill "$BUILD_PID"; wait "$BUILD_PID"; return 1; }
	distcc_helper_kill "$HELPERS" netns
	b_killed=$(jobs_on netns)
	wait_for_jobs loopback $(($(jobs_on loopback) + 10)) || { kill "$BUILD_PID"; wait "$BUILD_PID"; return 1; }
	distcc_helper_kill "$HELPERS" loopback
	a_killed=$(jobs_on loopback)
	wait "$BUILD_PID" || status=$?
	[ "$status" -eq 0 ] || { echo "the build failed ($status); the end of $out.log:"; tail -n 30 "$out.log"; return 1; }

	n=$(c_compiles "$out.log")
	echo "$n C compiles: $((b_killed - b0)) on the namespace's helper before it was killed," \
		"$((a_killed - a0)) on the loopback one, $((n - a_killed + a0 - b_killed + b0)) here"
	# distcc saw each helper fail (and shunned it: its backoff mark)...
	local helper
	for helper in netns loopback; do
		grep -q "mark .*/backoff_tcp_$(cat "$HELPERS/$helper.addr")_" "$out.log.distcc" ||
			{ echo "distcc never marked the $helper helper as failed"; return 1; }
	done
	# ... and compiled the rest here.
	[ $((n - (a_killed - a0) - (b_killed - b0))) -gt 50 ]
	grep -q 'failed to distribute, running locally instead' "$out.log.distcc"
	assert_same_image "$REFERENCE" "$out/images/hello.hvt"
}
