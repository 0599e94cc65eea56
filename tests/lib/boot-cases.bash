# tests/lib/boot-cases.bash: the boot tests every platform runs, written
# once. Each platform's file (tests/boot-hvt.bats, boot-spt.bats,
# boot-qemu-pc.bats, boot-qemu-microvm.bats) sets PLATFORM, and TARGET and
# DEFCONFIG where they differ from it, loads this file (after lib/common)
# and gives each boot_case_* function a one-line @test; what only one
# platform has (hvt's KVM probe, each platform's system call test) stays in
# that platform's file. A new case is a function here and a line in each
# .bats file.
#
# The cases boot Kiln's hello (through `make run`) and the test applications
# of tests/fixtures/boot-tests (an external tree) the TARGET's way
# (kiln_launch: kiln-hvt, kiln-spt, or QEMU's pc or microvm machine through
# boot/virtio/kiln-qemu), and Kiln's images under Solo5's solo5-$PLATFORM
# when one is available.

: "${PLATFORM:?set PLATFORM (hvt, spt or virtio) before loading lib/boot-cases}"
TARGET=${TARGET:-$PLATFORM}
DEFCONFIG=${DEFCONFIG:-${PLATFORM}_defconfig}
OUT=$KILN_SUITE_TMP/out
# A guest memory fault: kiln-hvt and kiln-qemu exit 254; kiln-spt reports
# it and then dies by the guest's SIGSEGV (139 in a shell), as solo5-spt
# does.
case $PLATFORM in
spt) FAULT_STATUS=139 ;;
*) FAULT_STATUS=254 ;;
esac

# boot_cases_build: the one build of the file (its setup_file calls this;
# building needs no KVM); each case checks for its own image.
boot_cases_build() {
	kiln_build_boot_tests "$DEFCONFIG" "$OUT" >&3 || true
}

# launch IMAGE [--tender-option...] [-- ARGS...]: boot IMAGE the TARGET's way.
launch() {
	kiln_launch "$TARGET" "$OUT" "$@"
}

# image APP: the path of APP's image, or fail showing the build log.
image() {
	assert_file "$OUT/images/$1.$PLATFORM" "$OUT.log" >&2 || return 1
	echo "$OUT/images/$1.$PLATFORM"
}

# "make run boots hello: greeting, exit status 0"
boot_case_make_run() {
	image hello >/dev/null
	run kiln_make_run "$OUT"
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello"
}

# "make run ARGS=... passes the arguments to main"
boot_case_make_run_args() {
	image hello >/dev/null
	run kiln_make_run "$OUT" ARGS="alpha beta-2 gamma"
	assert_status 0
	assert_output_has "command line: hello alpha beta-2 gamma"
}

# "solo5_exit(N) is the tender's exit status, for several N"
boot_case_solo5_exit() {
	local img n
	img=$(image test-exit)
	for n in 0 1 2 7 42 128 253; do
		run launch "$img" -- "$n"
		assert_status "$n"
		assert_output_has "test-exit: status $n by solo5_exit"
	done
}

# "exit(N) runs atexit handlers, and returning N from main, both exit N"
boot_case_exit_and_return() {
	local img
	img=$(image test-exit)
	run launch "$img" -- 9 exit
	assert_status 9
	assert_output_has "test-exit: atexit handler ran"
	run launch "$img" -- 11 return
	assert_status 11
	assert_output_has "test-exit: status 11 by return"
}

# "abort() exits 255 with a message"
boot_case_abort() {
	run launch "$(image test-abort)"
	assert_status 255
	assert_output_has "test-abort: calling abort()"
	assert_output_has "solo5_abort() called"
}

# boot_case_fault_read_outside ERE: "a read outside guest memory is a guest
# fault: FAULT_STATUS, reported, nothing after"; ERE: how the platform's report names
# the address (spt's tender says it on its "guest fault" line, hvt's guest
# prints its own trap lines).
boot_case_fault_read_outside() {
	run launch "$(image test-fault)" -- read-outside
	assert_status "$FAULT_STATUS"
	assert_output_has "test-fault: read-outside"
	assert_output_has "guest fault"
	assert_output_matches "$1"
	assert_output_lacks "survived"
}

# boot_case_fault HOW: "a write to NULL is a guest fault" (write-null),
# "a write to the image's code is a guest fault (text is read-only)"
# (write-text)
boot_case_fault() {
	run launch "$(image test-fault)" -- "$1"
	assert_status "$FAULT_STATUS"
	assert_output_has "guest fault"
	assert_output_lacks "survived"
}

# "a smashed stack is caught: 'stack smashing detected', 255"
boot_case_ssp() {
	run launch "$(image test-ssp)"
	assert_status 255
	assert_output_has "stack smashing detected"
	assert_output_lacks "survived"
	# The same code with a copy that fits passes the canary check.
	run launch "$(image test-ssp)" -- 16
	assert_status 0
	assert_output_has "test-ssp: survived"
}

# "floating point: arithmetic and printf of doubles" (the caller skips
# where the platform cannot run SSE)
boot_case_fpu() {
	run launch "$(image test-fpu)"
	assert_status 0
	assert_output_has "test-fpu: a*b=3.3750 a/b=0.666667"
	assert_output_has "test-fpu: pi~3.1416"
	assert_output_has "test-fpu: OK"
}

# "TLS: _Thread_local initial values, writes, a second block"
boot_case_tls() {
	run launch "$(image test-tls)"
	assert_status 0
	assert_output_has "test-tls: initialised=42 zeroed=0"
	assert_output_lacks "FAILED"
	assert_output_has "test-tls: OK"
}

# "clocks: monotonic advances across solo5_yield, wall clock is the host's"
boot_case_clocks() {
	run launch "$(image test-clock)" -- "$(date +%s)"
	assert_status 0
	assert_output_lacks "FAILED"
	assert_output_has "test-clock: ok: solo5_yield waits until its deadline"
	assert_output_has "test-clock: ok: wall clock within 60 s of the host's"
	assert_output_has "test-clock: OK"
}

# "block device: host data read, blocks round-trip, guest writes reach the file"
boot_case_block() {
	local disk=$KILN_SUITE_TMP/disk.img marker="host-wrote-this-$$"
	rm -f "$disk"
	truncate -s 1M "$disk"
	printf '%s' "$marker" | dd of="$disk" bs=512 seek=1 conv=notrunc status=none
	run launch "$(image test-block)" --block:storage="$disk" -- "$marker"
	assert_status 0
	assert_output_has "test-block: capacity 1048576, block size 512"
	assert_output_lacks "FAILED"
	assert_output_has "test-block: OK"
	# What the guest wrote to block 2 is in the host file.
	run dd if="$disk" bs=512 skip=2 count=1 status=none
	assert_output_has "kiln block test"
	# The file keeps its size.
	[ "$(stat -c %s "$disk")" -eq 1048576 ]
}

# "block device: what a boot wrote, the next boot reads"
boot_case_block_persists() {
	local disk=$KILN_SUITE_TMP/disk-twice.img marker="persists-$$"
	rm -f "$disk"
	truncate -s 64K "$disk"
	printf '%s' "$marker" | dd of="$disk" bs=512 seek=1 conv=notrunc status=none
	run launch "$(image test-block)" --block:storage="$disk" -- "$marker"
	assert_status 0
	run launch "$(image test-block)" --block:storage="$disk" -- "$marker" again
	assert_status 0
	assert_output_has "test-block: ok: block 2 holds what the previous boot wrote"
	assert_output_has "test-block: OK"
}

# boot_case_entry pvh|multiboot: "the PVH entry boots hello" (a copy of
# the image whose multiboot header no loader would find: QEMU 7.2 prefers
# multiboot when both are there), "the multiboot entry boots hello" (a copy
# without the PVH note). virtio only.
boot_case_entry() {
	local img=$KILN_SUITE_TMP/hello-$1.virtio
	case $1 in
	pvh)
		# The multiboot magic, 0x1badb002, little-endian, zeroed.
		perl -0777 -pe 's/\x02\xb0\xad\x1b/\0\0\0\0/' "$(image hello)" >"$img"
		cmp -s "$(image hello)" "$img" && { echo "no multiboot magic found in hello.virtio"; return 1; }
		;;
	multiboot) objcopy --remove-section .note.kiln.pvh "$(image hello)" "$img" ;;
	esac
	run launch "$img" -- --solo5:debug one
	assert_status 0
	assert_output_has "kiln: virtio: loaded by ${1/pvh/PVH}"
	assert_output_has "command line: hello one"
}

# "block device declared but not attached: tender error 1 naming it"
boot_case_block_not_attached() {
	run launch "$(image test-block)"
	assert_status 1
	assert_output_has "storage"
	assert_output_has "--block:storage="
}

# "Solo5 cross-check: Kiln's hello runs under Solo5's solo5-$PLATFORM"
boot_case_solo5_hello() {
	kiln_require_solo5 "$PLATFORM"
	run kiln_boot "$SOLO5_TENDER" "$(image hello)" -- one two
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello one two"
}

# "Solo5 cross-check: exit statuses and a block device under solo5-$PLATFORM"
boot_case_solo5_exit_block() {
	local disk=$KILN_SUITE_TMP/solo5-disk.img
	kiln_require_solo5 "$PLATFORM"
	run kiln_boot "$SOLO5_TENDER" "$(image test-exit)" -- 42
	assert_status 42
	rm -f "$disk"
	truncate -s 64K "$disk"
	run kiln_boot "$SOLO5_TENDER" "$(image test-block)" --block:storage="$disk"
	assert_status 0
	assert_output_has "test-block: OK"
}
