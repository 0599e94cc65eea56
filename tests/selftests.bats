#!/usr/bin/env bats
# Upstream test suites inside the unikernel (package/selftests): Mbed TLS's
# selftest program, cJSON's Unity tests, lz4 round trips of its test data
# generator, and Lua scripts whose output must equal the host's lua5.4,
# line by line.
#
# The image is built once, from archives served by a local mirror of
# Debian's source archive (tests/mirror/build-mirror, tests/lib/httpd.py on
# 127.0.0.1; nothing else is reachable: KILN_PRIMARY_SITE_ONLY=y), and run
# once with `make run`; the tests read what it printed. spt runs it at
# native speed; hvt on a hardware KVM, or (where this machine's KVM will
# not do) in the VM of tests/lib/common.bash, floating point included; the
# virtio platform under QEMU's microvm machine (TCG where there is no KVM),
# and on aarch64 under QEMU's virt board (TCG).

load lib/common
load lib/dl-helpers

setup_file() {
	export KILN_ROOT=$KILN_TOP
	# The tests see MIRROR too (the hvt one serves it again).
	kiln_mirror_start mbedtls cjson lz4 lua libm || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0

	# Build and run on spt once; the tests look at the log, the output and
	# the status. A failed build is reported by the first test.
	export SPT_O=$KILN_SUITE_TMP/spt
	rm -rf "$SPT_O"
	kiln_selftests_build "$SPT_O" spt_selftests_defconfig >"$KILN_SUITE_TMP/spt-build.log" 2>&1 &&
		kiln_selftests_run "$SPT_O" "$KILN_SUITE_TMP/spt-run"
	echo $? >"$KILN_SUITE_TMP/spt-build.status"
	httpd_stop
}

teardown_file() {
	httpd_stop
}

setup() {
	[ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP"
}

# kiln_selftests_build O DEFCONFIG: configure and build the image and its
# tender, downloading from the mirror only.
kiln_selftests_build() {
	kiln_make "$1" KILN_PRIMARY_SITE_ONLY=y "$2" &&
		kiln_make "$1" KILN_PRIMARY_SITE_ONLY=y -j"$(nproc)" all
}

# kiln_selftests_run O BASE [ARGS]: make run in O; the guest's output (without
# the tender's own kiln-<platform>: lines) to BASE.out, the status to BASE.status.
kiln_selftests_run() {
	local status=0
	kiln_on_platform_of "$1" timeout --kill-after=5 600 env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
		make -s --no-print-directory -C "$KILN_TOP" O="$1" run ${3:+ARGS="$3"} >"$2.raw" 2>&1 ||
		status=$?
	grep -av '^kiln-\(spt\|hvt\|qemu\)' "$2.raw" >"$2.out" || true
	echo $status >"$2.status"
}

# Loads the spt run into $output and $status.
spt_run() {
	output=$(tr -d '\0' <"$KILN_SUITE_TMP/spt-run.out")
	status=$(cat "$KILN_SUITE_TMP/spt-run.status")
}

@test "spt_selftests_defconfig builds from the local mirror" {
	[ "$(cat "$KILN_SUITE_TMP/spt-build.status")" -eq 0 ] || {
		echo "the build or the run failed; the end of $KILN_SUITE_TMP/spt-build.log:"
		tail -n 40 "$KILN_SUITE_TMP/spt-build.log"
		return 1
	}
	assert_file "$SPT_O/images/selftests.spt"
}

@test "spt: make run exits 0 and says every suite passed" {
	spt_run
	assert_status 0
	assert_output_has "selftests: all 4 suites passed"
}

@test "spt: mbedtls: every module of its selftest program passed" {
	spt_run
	assert_output_matches '^mbedtls: [1-9][0-9]* passed, 0 failed$'
	# The program's own verdict agrees, and counts as many modules.
	local n
	n=$(sed -n 's/^mbedtls: \([0-9]*\) passed.*/\1/p' <<<"$output")
	assert_output_has "  Executed $n test suites"
	assert_output_has "[ All tests PASS ]"
	assert_output_lacks ": failed"
}

@test "spt: cjson: every test of its 21 Unity programs passed" {
	spt_run
	assert_output_matches '^cjson: [1-9][0-9]* passed, 0 failed'
	[ "$(grep -c '^--- cjson: tests/' <<<"$output")" -eq 21 ]
	# Unity's own summary line of every program says 0 failures.
	[ "$(grep -cE '^[0-9]+ Tests 0 Failures [0-9]+ Ignored' <<<"$output")" -eq 21 ]
	# The programs that read files found them (built into the image).
	assert_output_matches 'parse_examples.c:[0-9]+:file_test11_should_be_parsed_and_printed:PASS'
	assert_output_matches 'json_patch_tests.c:[0-9]+:cjson_utils_should_pass_json_patch_test_spec_tests:PASS'
}

@test "spt: lz4: every round trip of every data set passed" {
	spt_run
	assert_output_matches '^lz4: [1-9][0-9]* passed, 0 failed$'
	assert_output_lacks "lz4: FAILED"
	# The 5 MiB set spans frame blocks of every size.
	assert_output_matches '^lz4: 5 MiB, mixed +5242880 bytes, XXH64 [0-9a-f]{16}, '
}

@test "spt: lua: every script ran to its end" {
	spt_run
	local n
	n=$(find "$KILN_TOP/package/selftests/lua" -name '*.lua' | wc -l)
	assert_output_has "lua: $n passed, 0 failed"
}

@test "spt: lua: each script prints what the host's lua5.4 prints, line by line" {
	kiln_require_cmd lua5.4 lua5.4
	# (From the file, not $output: a script may print NUL bytes.)
	local dir=$KILN_TOP/package/selftests/lua script name bad=""
	for script in "$dir"/*.lua; do
		name=$(basename "$script")
		# A unikernel's local time is UTC; the host's must be too.
		(cd "$dir" && TZ=UTC lua5.4 "$name") >"$BATS_TEST_TMPDIR/$name.host" 2>&1 ||
			echo "(lua5.4 $name exited $?)" >>"$BATS_TEST_TMPDIR/$name.host"
		awk -v n="$name" '$0 == "=== lua: " n " end ===" { on = 0 } on { print }
			$0 == "=== lua: " n " ===" { on = 1 }' "$KILN_SUITE_TMP/spt-run.out" >"$BATS_TEST_TMPDIR/$name.kiln"
		if [ ! -s "$BATS_TEST_TMPDIR/$name.kiln" ]; then
			echo "$name: no output between its delimiter lines"
			bad="$bad $name"
		elif ! diff -a -u --label "lua5.4 $name (host)" --label "$name in the unikernel" \
			"$BATS_TEST_TMPDIR/$name.host" "$BATS_TEST_TMPDIR/$name.kiln"; then
			bad="$bad $name"
		fi
	done
	[ -z "$bad" ] || { echo "differs from the host:$bad"; return 1; }
}

@test "spt: an unknown suite name fails the run" {
	kiln_selftests_run "$SPT_O" "$BATS_TEST_TMPDIR/nosuch" nosuch
	output=$(cat "$BATS_TEST_TMPDIR/nosuch.raw")
	status=$(cat "$BATS_TEST_TMPDIR/nosuch.status")
	assert_output_has "selftests: no suite nosuch"
	# make run passes the image's status on as a failure of its own.
	[ "$status" -ne 0 ]
	assert_output_lacks "=== suite:"
}

@test "spt: one suite alone (make run ARGS=lz4) runs only that suite" {
	kiln_selftests_run "$SPT_O" "$BATS_TEST_TMPDIR/lz4" lz4
	output=$(cat "$BATS_TEST_TMPDIR/lz4.out")
	status=$(cat "$BATS_TEST_TMPDIR/lz4.status")
	assert_status 0
	assert_output_has "selftests: all 1 suites passed"
	assert_output_lacks "=== suite: mbedtls"
}

@test "hvt: the selftests image passes on hvt" {
	kiln_require_hvt
	local o=$KILN_SUITE_TMP/hvt
	rm -rf "$o"
	[ -d "$MIRROR" ] || { echo "no mirror folder: MIRROR='$MIRROR'"; return 1; }
	httpd_start "$MIRROR"
	export KILN_PRIMARY_SITE=$HTTP
	local built=0
	kiln_selftests_build "$o" hvt_selftests_defconfig >"$o.log" 2>&1 || built=$?
	httpd_stop
	[ $built -eq 0 ] || { tail -n 40 "$o.log"; return 1; }
	kiln_selftests_run "$o" "$o-run"
	output=$(cat "$o-run.out")
	status=$(cat "$o-run.status")
	assert_status 0
	assert_output_has "selftests: all 4 suites passed"
}

# virtio_selftests NAME CONFIG-LINES: spt_selftests_defconfig's settings on
# the virtio platform, with CONFIG-LINES (the machine, the architecture)
# in place of KILN_PLATFORM_SPT=y, built from the mirror in
# $KILN_SUITE_TMP/NAME (each line checked in .config) and run; sets status
# and output.
virtio_selftests() {
	local o=$KILN_SUITE_TMP/$1 lines=$2 line
	rm -rf "$o"
	mkdir -p "$o"
	sed -e "s/^KILN_PLATFORM_SPT=y/KILN_PLATFORM_VIRTIO=y\\n${lines//$'\n'/\\n}/" \
		"$KILN_TOP/configs/spt_selftests_defconfig" >"$o/test_defconfig"
	[ -d "$MIRROR" ] || { echo "no mirror folder: MIRROR='$MIRROR'"; return 1; }
	httpd_start "$MIRROR"
	export KILN_PRIMARY_SITE=$HTTP
	local built=0
	kiln_make "$o" defconfig DEFCONFIG="$o/test_defconfig" >"$o.log" 2>&1 &&
		kiln_make "$o" KILN_PRIMARY_SITE_ONLY=y -j"$(nproc)" all >>"$o.log" 2>&1 || built=$?
	httpd_stop
	[ $built -eq 0 ] || { tail -n 40 "$o.log"; return 1; }
	while read -r line; do
		grep -qx "$line" "$o/.config" || { echo "$line is not in .config"; return 1; }
	done <<<"$lines"
	kiln_selftests_run "$o" "$o-run"
	output=$(cat "$o-run.out")
	status=$(cat "$o-run.status")
}

@test "virtio: the selftests image passes under QEMU's microvm machine" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	virtio_selftests microvm 'KILN_VIRTIO_QEMU_MICROVM=y'
	assert_status 0
	assert_output_has "selftests: all 4 suites passed"
}

@test "virtio on aarch64: the selftests image passes on QEMU's virt board" {
	kiln_require_cmd qemu-system-aarch64 qemu-system-arm
	virtio_selftests virt $'KILN_ARCH_AARCH64=y\nKILN_VIRTIO_QEMU_VIRT=y'
	assert_status 0
	assert_output_has "mbedtls: 26 passed, 0 failed"
	assert_output_has "lz4: 198 passed, 0 failed"
	assert_output_has "lua: 8 passed, 0 failed"
	assert_output_has "selftests: all 4 suites passed"
}
