#!/usr/bin/env bats
# Crash reports: a guest fault or abort prints a backtrace (the guest's own
# frame-pointer walk, boot/common/backtrace.c; kiln-spt's for a fault) that
# make run resolves to function and file:line from the image's debug
# information (scripts/kiln-symbolize), on spt, hvt (where hvt guests run)
# and QEMU's pc machine. test-crash (tests/fixtures/boot-tests) faults or
# aborts three calls deep; the CRASH- markers in its source give the lines
# the backtrace must name.

load lib/common

CRASH_TARGETS="spt hvt pc"
SOURCE=tests/fixtures/boot-tests/package/test-crash/test-crash.c

setup_file() {
	local t
	for t in $CRASH_TARGETS; do
		kiln_build_boot_test "$KILN_SUITE_TMP/$t" "$t" KILN_APP_TEST_CRASH=y
	done
	kiln_build_boot_test "$KILN_SUITE_TMP/nofp" spt KILN_APP_TEST_CRASH=y \
		'# KILN_FRAME_POINTERS is not set'
}

setup() {
	case $BATS_TEST_DESCRIPTION in
	*QEMU*) kiln_require_cmd qemu-system-x86_64 qemu-system-x86 ;;
	*hvt*) kiln_require_hvt ;;
	esac
}

# line_of MARKER: the line of test-crash.c that carries CRASH-MARKER.
line_of() {
	grep -n "CRASH-$1" "$KILN_TOP/$SOURCE" | cut -d: -f1
}

# image_of TARGET: test-crash's image in TARGET's output folder.
image_of() {
	local out=$KILN_SUITE_TMP/$1 ext=$1
	case $1 in pc) ext=virtio ;; nofp) ext=spt ;; esac
	assert_file "$out/images/test-crash.$ext" "$out.log" >&2 || return 1
	echo "$out/images/test-crash.$ext"
}

# assert_frame N FUNCTION FILE:LINE: frame #N of the backtrace is FUNCTION
# at FILE:LINE (FILE relative to the tree, where the sources are found).
assert_frame() {
	assert_output_matches "^kiln[a-z-]*:   #$1 0x[0-9a-f]{16} in $2 at $KILN_TOP/$3\$"
}

# assert_run_status N: make run failed (2), its command with status N.
assert_run_status() {
	assert_status 2
	assert_output_matches "^make: \*\*\* \[.*\] Error $1\$"
}

# crash_case TARGET HOW STATUS: make run ARGS=HOW in TARGET's folder.
crash_case() {
	image_of "$1" >/dev/null || return 1
	run kiln_make_run "$KILN_SUITE_TMP/$1" ARGS="$2"
	assert_run_status "$3"
	assert_output_has "test-crash: $2"
	assert_output_lacks "survived"
	assert_output_matches "^kiln[a-z-]*: backtrace \\(most recent call first\\):"
}

fault_case() {
	local status=254
	[ "$1" = spt ] && status=139
	crash_case "$1" write-null "$status"
	assert_output_has "guest fault"
	assert_frame 0 crash_here "$SOURCE:$(line_of FAULT)"
	assert_frame 1 crash_caller "$SOURCE:$(line_of CALL)"
	assert_frame 2 main "$SOURCE:$(line_of MAIN)"
}

abort_case() {
	crash_case "$1" abort 255
	assert_output_has "kiln: solo5_abort() called"
	assert_output_matches "^kiln:   #[0-9] 0x[0-9a-f]{16} in abort at $KILN_TOP/runtime/src/exit/abort.c:[0-9]+\$"
	assert_output_matches "^kiln:   #[0-9] 0x[0-9a-f]{16} in crash_here at $KILN_TOP/$SOURCE:$(line_of ABORT)\$"
	assert_output_matches "^kiln:   #[0-9] 0x[0-9a-f]{16} in crash_caller at $KILN_TOP/$SOURCE:$(line_of CALL)\$"
	assert_output_matches "^kiln:   #[0-9] 0x[0-9a-f]{16} in main at $KILN_TOP/$SOURCE:$(line_of MAIN)\$"
}

@test "spt: a fault's backtrace names crash_here, crash_caller, main with file:line (make run)" { fault_case spt; }
@test "spt: an abort's backtrace names abort, crash_here, crash_caller, main with file:line" { abort_case spt; }
@test "hvt: a fault's backtrace names crash_here, crash_caller, main with file:line (make run)" { fault_case hvt; }
@test "hvt: an abort's backtrace names abort, crash_here, crash_caller, main with file:line" { abort_case hvt; }
@test "QEMU pc: a fault's backtrace names crash_here, crash_caller, main with file:line (make run)" { fault_case pc; }
@test "QEMU pc: an abort's backtrace names abort, crash_here, crash_caller, main with file:line" { abort_case pc; }

@test "kiln-symbolize by hand: a tender's output piped through it is resolved" {
	local img
	img=$(image_of spt)
	run bash -c '"$1" --mem=32 "$2" 2>&1 | "$3" --image="$2" --tree="$4" --output="$5"' _ \
		"$KILN_SUITE_TMP/spt/host/bin/kiln-spt" "$img" "$KILN_TOP/scripts/kiln-symbolize" \
		"$KILN_TOP" "$KILN_SUITE_TMP/spt"
	assert_frame 0 crash_here "$SOURCE:$(line_of FAULT)"
	# Without the tree's name, the image's own (/kiln) is shown.
	run bash -c '"$1" --mem=32 "$2" 2>&1 | "$3" --image="$2"' _ \
		"$KILN_SUITE_TMP/spt/host/bin/kiln-spt" "$img" "$KILN_TOP/scripts/kiln-symbolize"
	assert_output_matches "^kiln-spt:   #0 0x[0-9a-f]{16} in crash_here at /kiln/$SOURCE:$(line_of FAULT)\$"
}

@test "kiln-symbolize: output in single bytes is resolved; lines outside a backtrace and unknown addresses are left alone" {
	local img addr
	img=$(image_of spt)
	addr=$(nm "$img" | awk '$3 == "main" { print $1 }')
	# A command that writes one byte at a time, as QEMU's serial port does.
	cat >"$KILN_SUITE_TMP/bytes.py" <<-EOF
		import os, sys, time
		text = b"""kiln:   #0 0x$addr
		kiln: backtrace (most recent call first):
		kiln:   #0 0x$addr
		kiln:   #1 0x00000000deadbeef
		partial line, then kiln:   #0 0x$addr"""
		for b in text:
		    os.write(1, bytes([b]))
		    time.sleep(0.001)
		sys.exit(3)
	EOF
	run "$KILN_TOP/scripts/kiln-symbolize" --image="$img" --tree="$KILN_TOP" -- python3 "$KILN_SUITE_TMP/bytes.py"
	assert_status 3
	[ "${lines[0]}" = "kiln:   #0 0x$addr" ] || { echo "a frame line before any backtrace was changed: ${lines[0]}"; return 1; }
	assert_output_matches "^kiln:   #0 0x$addr in main at $KILN_TOP/$SOURCE:[0-9]+\$"
	[ "${lines[3]}" = "kiln:   #1 0x00000000deadbeef" ] || { echo "an unknown address was changed: ${lines[3]}"; return 1; }
	[ "${lines[4]}" = "partial line, then kiln:   #0 0x$addr" ] || { echo "the last line: ${lines[4]}"; return 1; }
}

@test "kiln-symbolize: the command's exit status, and 128 + the signal that killed it" {
	local img
	img=$(image_of spt)
	run "$KILN_TOP/scripts/kiln-symbolize" --image="$img" -- sh -c 'exit 7'
	assert_status 7
	run "$KILN_TOP/scripts/kiln-symbolize" --image="$img" -- sh -c 'kill -SEGV $$'
	assert_status 139
	run "$KILN_TOP/scripts/kiln-symbolize" --image="$img" -- /nonexistent/command
	assert_status 1
	assert_output_has "kiln-symbolize: cannot run /nonexistent/command"
}

@test "without frame pointers: the faulting address, the call to solo5_abort, and what to turn on for more" {
	local img
	img=$(image_of nofp)
	run kiln_make_run "$KILN_SUITE_TMP/nofp"
	assert_run_status 139
	# #0 is the faulting rip, which needs no frame pointer (kiln-spt's
	# walk of what rbp then holds stops at the first address outside the
	# code; it may find a frame or two, not always the right ones).
	assert_frame 0 crash_here "$SOURCE:$(line_of FAULT)"
	run kiln_make_run "$KILN_SUITE_TMP/nofp" ARGS=abort
	assert_run_status 255
	assert_output_has "(the callers need frame pointers: Toolchain -> Frame pointers in make menuconfig)"
	assert_output_matches "^kiln:   #0 0x[0-9a-f]{16} in raise at $KILN_TOP/runtime/src/signal/raise.c:[0-9]+\$"
	assert_output_lacks "#1 0x"
}
