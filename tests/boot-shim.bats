#!/usr/bin/env bats
# The guest boot shims (boot/common, boot/hvt, boot/spt) on their own: a
# bare Solo5-API test program (shim_test.c, no runtime calls) linked with
# the shim, checked under Kiln's tenders and, when one is built, Solo5's:
# the image layout and notes, the default and generated manifests, exit
# statuses, the command line's --solo5: tokens, hvt's own trap reports,
# the stack protector, TLS, clocks, the heap, a block device.
#
# The test program is tests/fixtures/shim_test.c.

load lib/common

SHIM_TEST_SRC=$KILN_TOP/tests/fixtures/shim_test.c

# shim_build PLATFORM: build Kiln for PLATFORM in $KILN_SUITE_TMP/PLATFORM
# (archives, wrapper, tender), then the test program twice: shim-test.P with
# a manifest declaring block:storage, shim-test-nomft.P with none linked.
shim_build() {
	local p=$1 out=$KILN_SUITE_TMP/$1
	local log=$out.log cc=$out/host/bin/x86_64-kiln-$1-cc
	kiln_build "$out" "${p}_defconfig" || return 1
	kiln_make_logged "$log" "$out" host-tools || return 1
	{
		"$KILN_TOP/scripts/gen-manifest" block:storage >"$out/shim-mft.c" &&
			"$cc" -mgeneral-regs-only -c -o "$out/shim-mft.o" "$out/shim-mft.c" &&
			"$cc" -mgeneral-regs-only -Wall -Wextra -Werror -c -o "$out/shim-test.o" "$SHIM_TEST_SRC" &&
			"$cc" -o "$out/shim-test.$p" "$out/shim-test.o" "$out/shim-mft.o" &&
			"$cc" -o "$out/shim-test-nomft.$p" "$out/shim-test.o" &&
			strip -o "$out/shim-test-stripped.$p" "$out/shim-test.$p"
	} >>"$log" 2>&1 || { echo "building shim_test.c failed; see $log"; tail -n 20 "$log"; return 1; }
}

setup_file() {
	shim_build hvt >&3 || true
	shim_build spt >&3 || true
}

# Most tests boot both platforms: hvt's guests must be able to run.
setup() {
	kiln_require_hvt
}

# img PLATFORM [NAME]: the test image's path, or fail with the build log.
img() {
	local f=$KILN_SUITE_TMP/$1/${2:-shim-test}.$1
	assert_file "$f" "$KILN_SUITE_TMP/$1.log" >&2 || return 1
	echo "$f"
}

tender() {
	echo "$KILN_SUITE_TMP/$1/host/bin/kiln-$1"
}

# boot PLATFORM [TENDER-OPTIONS] [-- ARGS]: the image under Kiln's tender.
boot() {
	local p=$1
	shift
	local image
	image=$(img "$p") || return 1
	kiln_boot "$(tender "$p")" "$image" "$@"
}

disk() {
	local f=$KILN_SUITE_TMP/disk.img
	rm -f "$f"
	truncate -s 64K "$f"
	echo "$f"
}

# --- the image ---------------------------------------------------------

check_layout() {
	local p=$1 target=$2 image
	image=$(img "$p")
	run readelf -lW "$image"
	assert_status 0
	# PT_INTERP is the first program header and names no real loader.
	first=$(sed -n '/^  Type/{n;p;q}' <<<"$output" | awk '{print $1}')
	[ "$first" = INTERP ] || { echo "first program header: $first"; return 1; }
	assert_output_has "[Requesting program interpreter: /nonexistent/solo5/]"
	# Four notes (Solo5's ABI and manifest notes, the OpenBSD note, Kiln's
	# stack note), one TLS header.
	[ "$(grep -c '^  NOTE' <<<"$output")" -eq 4 ]
	[ "$(grep -c '^  TLS' <<<"$output")" -eq 1 ]
	# Every LOAD at or above 0x100000, none writable and executable.
	while read -r type off vaddr paddr filesz memsz flags align; do
		[ "$type" = LOAD ] || continue
		[ $((vaddr)) -ge $((0x100000)) ] || { echo "LOAD below 0x100000: $vaddr"; return 1; }
		[ "$align" = 0x1000 ] || { echo "LOAD align $align"; return 1; }
		case $flags in *W*E*) echo "W+X segment at $vaddr"; return 1 ;; esac
	done < <(grep '^  LOAD' <<<"$output" | sed 's/R E/RE/; s/RW E/RWE/')
	run readelf -hW "$image"
	entry=$(awk '/Entry point/ {print $4}' <<<"$output")
	[ $((entry)) -ge $((0x100000)) ]
	# The ABI note: owner Solo5, type ABI1, target and version 2.
	run readelf -nW "$image"
	assert_output_matches "^ +Solo5 +0x00000010.*\(0x31494241\).*description data: 0${target} 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00"
	assert_output_matches "^ +OpenBSD +0x00000004.*description data: 00 00 00 00"
}

@test "hvt image: PT_INTERP first, four notes, W^X, ABI note target 1 version 2" {
	check_layout hvt 1
}

@test "spt image: PT_INTERP first, four notes, W^X, ABI note target 2 version 2" {
	check_layout spt 2
}

@test "an image's manifest is gen-manifest's, or the archive's default (no devices)" {
	for p in hvt spt; do
		# 20-byte header, 4 bytes of padding, 8 bytes, 104 per entry.
		run readelf -SW "$(img $p)"
		assert_output_matches '\.note\.solo5\.manifest +NOTE +[0-9a-f]+ [0-9a-f]+ 0000f0 '
		run readelf -SW "$(img $p shim-test-nomft)"
		assert_output_matches '\.note\.solo5\.manifest +NOTE +[0-9a-f]+ [0-9a-f]+ 000088 '
		run readelf -x .note.solo5.manifest "$(img $p)"
		assert_output_has "storage"
	done
}

@test "the test image stripped has no segment padding: each segment's bytes follow the last's" {
	# (Within a few bytes: a segment's first section keeps its alignment.
	# Padding to the page would leave up to 4 KiB.)
	local p f off filesz end size
	for p in hvt spt; do
		f=$(img $p shim-test-stripped)
		size=$(stat -c %s "$f")
		echo "$p: $size bytes"
		readelf -lW "$f" | grep '^ *LOAD'
		end=
		while read -r off filesz; do
			if [ -n "$end" ] && { [ $((off)) -lt "$end" ] || [ $((off - end)) -ge 64 ]; }; then
				echo "$p: a segment starts at file offset $off, not just after the previous one's end ($end)"
				return 1
			fi
			end=$((off + filesz))
		done < <(readelf -lW "$f" | awk '$1 == "LOAD" { print $2, $5 }')
		[ -n "$end" ]
		# Past the last segment: only the section headers and names.
		[ "$((size - end))" -lt 2048 ]
	done
}

# --- behaviour, on both platforms --------------------------------------

@test "exit statuses: return 42, solo5_exit(7), solo5_abort() 255 with a message" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- exit
		assert_status 42
		assert_output_lacks "kiln:"  # quiet by default: no banner
		run boot $p --block:storage="$(disk)" -- solo5-exit
		assert_status 7
		run boot $p --block:storage="$(disk)" -- abort
		assert_status 255
		assert_output_has "kiln: solo5_abort() called"
	done
}

@test "command line: --solo5: tokens are stripped, the rest passed unchanged" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- --solo5:quiet --solo5:warn args a  b
		assert_status 0
		assert_output_has "shim-test: args=[args a b]"
		run boot $p --block:storage="$(disk)" -- --solo5:info args x
		assert_status 0
		assert_output_has "kiln: $p guest, 32 MiB, heap "
		assert_output_has "shim-test: args=[args x]"
		assert_output_has "kiln: solo5_exit(0) called"
		run boot $p --block:storage="$(disk)" -- --solo5:debug args
		assert_status 0
		assert_output_matches "^kiln: image 0x100000-0x[0-9a-f]+ heap 0x[0-9a-f]+-0x[0-9a-f]+ stack below 0x2000000$"
		# Not a token: passed to the application.
		run boot $p --block:storage="$(disk)" -- --solo5:quietx args
		assert_status 3
		assert_output_has "unknown test: --solo5:quietx args"
	done
}

@test "stack protector: a smashed canary in tls-guard code prints and exits 255" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- ssp
		assert_status 255
		assert_output_has "kiln: stack smashing detected"
		assert_output_lacks "survived"
	done
}

@test "TLS: the boot thread's block, initial values, alignment, a second block" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- tls
		assert_status 0
		assert_output_lacks "FAILED"
		assert_output_has "shim-test: OK"
	done
}

@test "clocks: solo5_yield waits for its deadline, wall clock advances" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- clocks
		assert_status 0
		assert_output_lacks "FAILED"
		assert_output_has "shim-test: OK"
	done
}

@test "heap: page aligned, after the image, below the stack reserve, usable" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- heap
		assert_status 0
		assert_output_lacks "FAILED"
		assert_output_has "shim-test: OK"
	done
}

@test "block device: acquire, round trip, bad requests are EINVAL" {
	for p in hvt spt; do
		run boot $p --block:storage="$(disk)" -- block
		assert_status 0
		assert_output_lacks "FAILED"
		assert_output_has "shim-test: OK"
	done
}

# --- hvt's trap handlers -------------------------------------------------

@test "hvt: a write to NULL prints the guest's trap report and exits 254" {
	run boot hvt --block:storage="$(disk)" -- write-null
	assert_status 254
	assert_output_matches "^kiln: trap #PF \(page fault\) error=0x2 at rip=0x10[0-9a-f]{4} cr2=0x0$"
	assert_output_matches "^kiln: rax=0x[0-9a-f]{16} rbx=0x[0-9a-f]{16} rcx=0x[0-9a-f]{16} rdx=0x[0-9a-f]{16}$"
	assert_output_matches "^kiln: rflags=0x[0-9a-f]{16} cs=0x0000000000000008 ss=0x[0-9a-f]{16}$"
	assert_output_lacks "survived"
}

@test "hvt: a read far outside memory, ud2 and a division by zero are reported" {
	run boot hvt --block:storage="$(disk)" -- read-far
	assert_status 254
	assert_output_matches "^kiln: trap #PF \(page fault\) error=0x0 at rip=0x[0-9a-f]+ cr2=0x7f0000000000$"
	run boot hvt --block:storage="$(disk)" -- ud2
	assert_status 254
	assert_output_has "kiln: trap #UD (invalid opcode) error=0x0 at rip="
	run boot hvt --block:storage="$(disk)" -- divide
	assert_status 254
	assert_output_has "kiln: trap #DE (divide error) error=0x0 at rip="
}

# --- Solo5's tenders ------------------------------------------------------

@test "Solo5 cross-check: the same images under solo5-hvt and solo5-spt" {
	local ran=0
	for p in hvt spt; do
		solo5=$(kiln_solo5_tender $p)
		[ -n "$solo5" ] || continue
		ran=1
		image=$(img $p)
		run kiln_boot "$solo5" "$image" --block:storage="$(disk)" -- exit
		assert_status 42
		run kiln_boot "$solo5" "$image" --block:storage="$(disk)" -- --solo5:quiet args a
		assert_output_has "shim-test: args=[args a]"
		for t in tls block clocks; do
			run kiln_boot "$solo5" "$image" --block:storage="$(disk)" -- $t
			assert_status 0
			assert_output_has "shim-test: OK"
		done
		run kiln_boot "$solo5" "$image" --block:storage="$(disk)" -- abort
		assert_status 255
	done
	[ $ran = 1 ] || skip "no Solo5 tender built (set SOLO5_DIR, SOLO5_HVT or SOLO5_SPT)"
	# hvt: the trap report and HALT's status come from the guest itself.
	solo5=$(kiln_solo5_tender hvt)
	if [ -n "$solo5" ]; then
		run kiln_boot "$solo5" "$(img hvt)" --block:storage="$(disk)" -- write-null
		assert_status 254
		assert_output_has "kiln: trap #PF (page fault) error=0x2"
	fi
}
