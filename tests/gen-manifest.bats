#!/usr/bin/env bats
# scripts/gen-manifest: the C source of an image's device manifest. Checks
# what it accepts (and that the C compiles to the exact MFT1 note layout)
# and what it refuses, with a message naming the argument, status 2 and no
# output file. Needs only gcc.

load lib/common

GEN=$KILN_TOP/scripts/gen-manifest

# compile FILE.c: compile it as a guest would (freestanding, Kiln's headers).
compile() {
	gcc -std=gnu11 -ffreestanding -nostdinc -isystem "$(gcc -print-file-name=include)" \
		-isystem "$KILN_TOP/boot/include" -Wall -Wextra -Werror -c -o "${1%.c}.o" "$1"
}

@test "gen-manifest: two devices compile to a note of 3 entries, handles in order" {
	out=$KILN_SUITE_TMP/two.c
	run "$GEN" -o "$out" block:storage net:service0
	assert_status 0
	[ -z "$output" ]
	run cat "$out"
	assert_output_has '#define MFT_ENTRIES 3'
	assert_output_has '/* handle 1 */ {.name = "storage", .type = MFT_DEV_BLOCK_BASIC}'
	assert_output_has '/* handle 2 */ {.name = "service0", .type = MFT_DEV_NET_BASIC}'
	compile "$out"
	# 20-byte header + 4 padding + 8 + 3 * 104 = 344 bytes; n_descsz = 324.
	run readelf -SW "${out%.c}.o"
	assert_output_matches '\.note\.solo5\.manifest +NOTE +0+ [0-9a-f]+ 000158 '
	run readelf -x .note.solo5.manifest "${out%.c}.o"
	assert_output_has "06000000 44010000 4d465431 536f6c6f"
}

@test "gen-manifest: no devices gives the reserved entry alone; stdout by default" {
	run "$GEN"
	assert_status 0
	assert_output_has '#define MFT_ENTRIES 1'
	assert_output_has 'KILN_MFT_RESERVED_ENTRY,'
	printf '%s\n' "$output" >"$KILN_SUITE_TMP/none.c"
	compile "$KILN_SUITE_TMP/none.c"
}

@test "gen-manifest: 63 devices with 67-character names are accepted and compile" {
	long=$(printf 'N%.0s' $(seq 64))
	devs=()
	for i in $(seq 10 72); do devs+=("block:${long}${i}x"); done
	[ "${#devs[@]}" -eq 63 ]
	run "$GEN" -o "$KILN_SUITE_TMP/max.c" "${devs[@]}"
	assert_status 0
	compile "$KILN_SUITE_TMP/max.c"
}

@test "gen-manifest: refuses bad arguments with status 2, naming them" {
	run "$GEN" disk:storage
	assert_status 2
	assert_output_has "gen-manifest: 'disk:storage': expected block:NAME or net:NAME"
	run "$GEN" block:
	assert_status 2
	assert_output_has "the device name is empty"
	run "$GEN" net:my-net
	assert_status 2
	assert_output_has "'net:my-net': device names may use only A-Z, a-z and 0-9"
	run "$GEN" "block:$(printf 'a%.0s' $(seq 68))"
	assert_status 2
	assert_output_has "68 characters long, at most 67"
	run "$GEN" block:x net:x
	assert_status 2
	assert_output_has "device name 'x' is used twice"
	run "$GEN" $(seq -f 'net:n%g' 1 64)
	assert_status 2
	assert_output_has "64 devices given, at most 63"
	run "$GEN" --frobnicate
	assert_status 2
	assert_output_has "unknown option '--frobnicate'"
}

@test "gen-manifest: a refused list writes no file, even with -o" {
	out=$KILN_SUITE_TMP/refused.c
	rm -f "$out"
	run "$GEN" -o "$out" block:ok block:not-ok
	assert_status 2
	[ ! -e "$out" ]
	ls "$KILN_SUITE_TMP" | grep -q 'refused.c.tmp' && { echo "temporary file left"; return 1; }
	true
}
