#!/usr/bin/env bats
# The stack guard (boot/include/kiln/kiln_abi.h): a Kiln image declares its
# stack size and a guard in its "Kiln" STK1 note; kiln-hvt leaves the guard
# out of the guest's page tables, kiln-spt makes it PROT_NONE, and the boot
# shim ends the heap below it. Checked here:
#   - unbounded recursion is a guest fault that names the overflow, on hvt
#     (254: the guest's #DF handler, on its own IST stack, and the tender
#     say so) and on spt (the tender's SIGSEGV handler says so, then the
#     tender dies by SIGSEGV, 139, as solo5-spt does);
#   - malloc until NULL stays below the guard, and the stack then still has
#     its whole reserve (test-heap); a stack that fits is left alone;
#   - tenders and shim agree on the layout, and the note is what it says;
#   - a malformed or too large note is a tender error (1); an image without
#     the note runs as before, with no guard;
#   - Solo5's tenders still run Kiln images (they ignore the note), and
#     Kiln's tenders still run Solo5's (no note, no guard).
# Test applications: tests/fixtures/boot-tests (test-stack, test-heap).

load lib/common

STACK_APPS="hello test-stack test-heap"

# Kiln's default layout for these images: RUNTIME_STACK_SIZE 512 KiB and
# the 64 KiB guard, at the top of KILN_TEST_MEM MiB.
STACK_SIZE=$((512 * 1024))
GUARD_SIZE=$((64 * 1024))

setup_file() {
	kiln_build_platforms $STACK_APPS
}

# image PLATFORM APP: the path of APP's image, or fail showing the build log.
image() {
	kiln_platform_image "$1" "$2"
}

tender() {
	kiln_tender "$KILN_SUITE_TMP/$1" "$1"
}

# guard_range [STACK GUARD]: "0x<start>-0x<end>", the guard's place at the
# top of KILN_TEST_MEM MiB (default sizes unless given).
guard_range() {
	local mem=$((KILN_TEST_MEM * 1024 * 1024)) stack=${1:-$STACK_SIZE} guard=${2:-$GUARD_SIZE}
	printf '0x%x-0x%x' $((mem - stack - guard)) $((mem - stack))
}

# patch_stack_note IMAGE OUT STACK GUARD [OWNER]: a copy of IMAGE whose
# stack note says STACK and GUARD bytes (and, with OWNER, a 4-letter owner
# in place of "Kiln", which makes it someone else's note).
patch_stack_note() {
	python3 - "$@" <<'EOF'
import struct, sys
src, dst, stack, guard = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
owner = sys.argv[5].encode() if len(sys.argv) > 5 else b"Kiln"
data = bytearray(open(src, "rb").read())
header = struct.pack("<III", 5, 8, 0x314b5453) + b"Kiln\0\0\0\0"
at = data.find(header)
if at < 0 or data.find(header, at + 1) >= 0:
    sys.exit("%s: not exactly one Kiln stack note" % src)
data[at + 12:at + 16] = owner
data[at + 20:at + 28] = struct.pack("<II", stack, guard)
open(dst, "wb").write(data)
EOF
}

# ---- a stack overflow is a clean guest fault ---------------------------

@test "hvt: unbounded recursion is a guest fault naming the stack overflow (254)" {
	kiln_require_hvt
	run kiln_boot "$(tender hvt)" "$(image hvt test-stack)"
	assert_status 254
	assert_output_has "test-stack: recursing without bound"
	# The guest's #DF handler, on a stack of its own, says it ...
	assert_output_has "kiln: stack overflow: the stack ran into its guard page"
	assert_output_has "kiln: trap #DF (double fault)"
	# ... and the tender too.
	assert_output_matches "guest fault: stack overflow into the guard page at 0x[0-9a-f]+ below the stack"
	assert_output_has "$(guard_range)"
	assert_output_lacks "survived"
}

@test "spt: unbounded recursion is a guest fault naming the stack overflow (SIGSEGV, 139)" {
	run kiln_boot "$(tender spt)" "$(image spt test-stack)"
	assert_status 139
	assert_output_has "test-stack: recursing without bound"
	assert_output_matches "guest fault: stack overflow \(guard page at 0x[0-9a-f]+"
	assert_output_has "$(guard_range)"
	assert_output_lacks "survived"
}

@test "spt: a stack that fits its reserve is not disturbed" {
	run kiln_boot "$(tender spt)" "$(image spt test-stack)" -- 400
	assert_status 0
	assert_output_has "test-stack: survived"
}

@test "hvt: a stack that fits its reserve is not disturbed" {
	kiln_require_hvt
	run kiln_boot "$(tender hvt)" "$(image hvt test-stack)" -- 400
	assert_status 0
	assert_output_has "test-stack: survived"
}

# ---- the heap stays below the guard ------------------------------------

@test "spt: malloc until NULL stays below the guard, then the stack still works" {
	run kiln_boot "$(tender spt)" "$(image spt test-heap)"
	assert_status 0
	assert_output_has "then NULL"
	assert_output_lacks "FAILED"
	assert_output_has "test-heap: OK"
}

@test "hvt: malloc until NULL stays below the guard, then the stack still works" {
	kiln_require_hvt
	run kiln_boot "$(tender hvt)" "$(image hvt test-heap)"
	assert_status 0
	assert_output_has "then NULL"
	assert_output_lacks "FAILED"
	assert_output_has "test-heap: OK"
}

@test "the heap's last block ends at or below the guard" {
	run kiln_boot "$(tender spt)" "$(image spt test-heap)"
	assert_status 0
	highest=$(sed -n 's/.* up to \(0x[0-9a-f]*\), then NULL.*/\1/p' <<<"$output")
	[ -n "$highest" ]
	guard_start=$((KILN_TEST_MEM * 1024 * 1024 - STACK_SIZE - GUARD_SIZE))
	[ $((highest)) -le "$guard_start" ] ||
		{ echo "heap reaches $highest, guard starts at $guard_start"; false; }
	# and most of the memory was handed out (the heap is not just smaller)
	[ $((highest)) -gt $((guard_start - 64 * 1024)) ]
}

# ---- one layout, declared by the note ------------------------------------

@test "the image carries the Kiln stack note: 512 KiB stack, 64 KiB guard" {
	kiln_require_cmd readelf binutils
	img=$(image spt hello)
	run readelf -nW "$img"
	assert_output_matches "^ +Kiln +0x00000008.*0x314b5453"
	# the descriptor: stack_size, guard_size as little-endian u32
	assert_output_has "00 00 08 00 00 00 01 00"
	# in a PT_NOTE of its own
	run readelf -lW "$img"
	assert_output_matches "^ +[0-9]+ +\.note\.kiln\.stack *$"
}

# debug_map_want: the guard and stack line of --solo5:debug for the
# default layout.
debug_map_want() {
	local mem=$((KILN_TEST_MEM * 1024 * 1024))
	printf 'guard 0x%x-0x%x stack 0x%x-0x%x' $((mem - STACK_SIZE - GUARD_SIZE)) \
		$((mem - STACK_SIZE)) $((mem - STACK_SIZE)) "$mem"
}

@test "spt: the shim's debug map puts heap, guard and stack where the tender does" {
	local mem=$((KILN_TEST_MEM * 1024 * 1024))
	run kiln_boot "$(tender spt)" "$(image spt hello)" -- --solo5:debug
	assert_status 0
	assert_output_has "$(debug_map_want)"
	assert_output_matches "heap 0x[0-9a-f]+-$(printf '0x%x' $((mem - STACK_SIZE - GUARD_SIZE))) stack below"
}

@test "hvt: the shim's debug map puts guard and stack where the tender does" {
	kiln_require_hvt
	run kiln_boot "$(tender hvt)" "$(image hvt hello)" -- --solo5:debug
	assert_status 0
	assert_output_has "$(debug_map_want)"
}

@test "a larger stack in the note moves the guard; the shim follows it" {
	stack=$((2 * 1024 * 1024)) guard=$((128 * 1024))
	img=$KILN_SUITE_TMP/big-stack.spt
	patch_stack_note "$(image spt test-stack)" "$img" $stack $guard
	# 1.5 MiB of recursion fits a 2 MiB stack (not the default 512 KiB) ...
	run kiln_boot "$(tender spt)" "$img" -- 1536
	assert_status 0
	assert_output_has "test-stack: survived"
	# ... and the overflow hits the new guard.
	run kiln_boot "$(tender spt)" "$img"
	assert_status 139
	assert_output_has "guard $(guard_range $stack $guard)"
}

# ---- what the tenders refuse, and images without the note ----------------

@test "a stack note with a zero or unaligned size is a tender error (1)" {
	img=$KILN_SUITE_TMP/bad-note.spt
	patch_stack_note "$(image spt hello)" "$img" 0 65536
	run kiln_boot "$(tender spt)" "$img"
	assert_status 1
	assert_output_has "invalid Kiln stack note: stack size 0"
	patch_stack_note "$(image spt hello)" "$img" 524288 1000
	run kiln_boot "$(tender spt)" "$img"
	assert_status 1
	assert_output_has "invalid Kiln stack note"
	img=$KILN_SUITE_TMP/bad-note.hvt
	patch_stack_note "$(image hvt hello)" "$img" 0 65536
	run kiln_boot "$(tender hvt)" "$img"
	assert_status 1
	assert_output_has "invalid Kiln stack note: stack size 0"
}

@test "a stack and guard that do not fit in guest memory: tender error naming --mem" {
	for p in spt hvt; do
		img=$KILN_SUITE_TMP/huge-stack.$p
		patch_stack_note "$(image $p hello)" "$img" $((64 * 1024 * 1024)) 65536
		run kiln_boot "$(tender $p)" "$img"
		assert_status 1
		assert_output_has "its stack guard (64 KiB) and its stack (65536 KiB) do not fit"
		assert_output_has "raise --mem"
	done
}

@test "an image without the stack note runs with no guard (as a Solo5 image would)" {
	img=$KILN_SUITE_TMP/no-note.spt
	patch_stack_note "$(image spt test-stack)" "$img" 524288 65536 Kixx
	run kiln_boot "$(tender spt)" "$img" -- 400
	assert_status 0
	assert_output_has "test-stack: survived"
	# Without a guard the overflow runs through the heap and the image's
	# data down to its read-only part: a plain memory fault there, far below
	# where the guard would have stopped it, and not named a stack overflow.
	run kiln_boot "$(tender spt)" "$img"
	assert_status 139
	assert_output_has "test-stack: recursing without bound"
	assert_output_matches "guest fault: SIGSEGV at address 0x[0-9a-f]+ "
	assert_output_lacks "stack overflow"
	assert_output_lacks "survived"
	local at guard_start=$((KILN_TEST_MEM * 1024 * 1024 - STACK_SIZE - GUARD_SIZE))
	at=$(sed -n 's/.*guest fault: SIGSEGV at address \(0x[0-9a-f]*\) .*/\1/p' <<<"$output")
	[ $((at)) -lt "$guard_start" ] ||
		{ echo "the fault at $at is not below the guard's place ($(guard_range))"; return 1; }
}

# ---- Solo5 cross-checks ------------------------------------------------

@test "Solo5 cross-check: solo5-spt runs Kiln images with the stack note" {
	kiln_require_solo5 spt
	run kiln_boot "$SOLO5_TENDER" "$(image spt hello)" -- one
	assert_status 0
	assert_output_has "command line: hello one"
	run kiln_boot "$SOLO5_TENDER" "$(image spt test-heap)"
	assert_status 0
	assert_output_has "test-heap: OK"
}

@test "Solo5 cross-check: solo5-hvt runs Kiln images with the stack note" {
	kiln_require_hvt
	kiln_require_solo5 hvt
	run kiln_boot "$SOLO5_TENDER" "$(image hvt hello)" -- one
	assert_status 0
	assert_output_has "command line: hello one"
	run kiln_boot "$SOLO5_TENDER" "$(image hvt test-heap)"
	assert_status 0
	assert_output_has "test-heap: OK"
}

# require_solo5_image P: skip unless SOLO5_DIR has Solo5's own test_hello
# built for P; sets SOLO5_IMAGE.
require_solo5_image() {
	SOLO5_IMAGE=${SOLO5_DIR:-/nonexistent}/tests/test_hello/test_hello.$1
	[ -f "$SOLO5_IMAGE" ] ||
		skip "no Solo5 test_hello.$1: set SOLO5_DIR=<built Solo5 tree>"
}

@test "Solo5 cross-check: kiln-spt runs Solo5's test_hello (no note, no guard)" {
	require_solo5_image spt
	run kiln_boot "$(tender spt)" "$SOLO5_IMAGE"
	assert_status 0
	assert_output_has "Hello, World"
}

@test "Solo5 cross-check: kiln-hvt runs Solo5's test_hello (no note, no guard)" {
	kiln_require_hvt
	require_solo5_image hvt
	run kiln_boot "$(tender hvt)" "$SOLO5_IMAGE"
	assert_status 0
	assert_output_has "Hello, World"
}
