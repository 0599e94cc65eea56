#!/usr/bin/env bats
# Booting on hvt: Kiln's hello through `make run`, then the test
# applications of tests/fixtures/boot-tests (an external tree) under
# kiln-hvt: exit statuses, abort, faults, the stack protector, a system call
# instruction, floating point, clocks, TLS, a block device; and Kiln's image
# under Solo5's solo5-hvt when one is available.
# (tests/boot-spt.bats is the same list on spt.)
#
# Every test needs /dev/kvm and skips with the reason without it. On a KVM
# that emulates guest instructions (tests/lib/kvm-probe says "emulating")
# the floating-point test skips: SSE fails in KVM's emulator there.

load lib/common

PLATFORM=hvt
OUT=$KILN_SUITE_TMP/out
TENDER=$OUT/host/bin/kiln-hvt

setup_file() {
	# One build for the whole file (building needs no KVM); each test
	# checks for its own image.
	kiln_build_boot_tests "$PLATFORM" "$OUT" >&3 || true
}

# image APP: the path of APP's image, or fail showing the build log.
image() {
	assert_file "$OUT/images/$1.$PLATFORM" "$OUT.log" >&2 || return 1
	echo "$OUT/images/$1.$PLATFORM"
}

setup() {
	# The probe's own tests run without KVM too.
	case $BATS_TEST_DESCRIPTION in
	kvm-probe*) ;;
	*) kiln_require_kvm ;;
	esac
}

@test "kvm-probe prints none, hardware or emulating (with a reason) and exits 0" {
	run "$KILN_KVM_PROBE"
	assert_status 0
	[ "${#lines[@]}" -eq 1 ]
	assert_output_matches '^(none: .+|hardware|emulating: .+)$'
}

@test "kvm-probe says none, and why, for a missing device" {
	KILN_KVM_DEV=$KILN_SUITE_TMP/no-such-kvm run "$KILN_KVM_PROBE"
	assert_status 0
	assert_output_matches "^none: .*no-such-kvm does not exist"
	KILN_KVM_DEV=$KILN_SUITE_TMP run "$KILN_KVM_PROBE"
	assert_output_matches "^none: .*not a character device"
}

@test "make run boots hello: greeting, exit status 0" {
	image hello >/dev/null
	run kiln_make "$OUT" run
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello"
}

@test "make run ARGS=... passes the arguments to main" {
	image hello >/dev/null
	run kiln_make "$OUT" run ARGS="alpha beta-2 gamma"
	assert_status 0
	assert_output_has "command line: hello alpha beta-2 gamma"
}

@test "solo5_exit(N) is the tender's exit status, for several N" {
	img=$(image test-exit)
	for n in 0 1 2 7 42 128 253; do
		run kiln_boot "$TENDER" "$img" -- "$n"
		assert_status "$n"
		assert_output_has "test-exit: status $n by solo5_exit"
	done
}

@test "exit(N) runs atexit handlers, and returning N from main, both exit N" {
	img=$(image test-exit)
	run kiln_boot "$TENDER" "$img" -- 9 exit
	assert_status 9
	assert_output_has "test-exit: atexit handler ran"
	run kiln_boot "$TENDER" "$img" -- 11 return
	assert_status 11
	assert_output_has "test-exit: status 11 by return"
}

@test "abort() exits 255 with a message" {
	run kiln_boot "$TENDER" "$(image test-abort)"
	assert_status 255
	assert_output_has "test-abort: calling abort()"
	assert_output_has "solo5_abort() called"
}

@test "a read outside guest memory is a guest fault: 254, reported, nothing after" {
	run kiln_boot "$TENDER" "$(image test-fault)" -- read-outside
	assert_status 254
	assert_output_has "test-fault: read-outside"
	assert_output_has "guest fault"
	assert_output_has "0x40001000"
	assert_output_lacks "survived"
}

@test "a write to NULL is a guest fault (254)" {
	run kiln_boot "$TENDER" "$(image test-fault)" -- write-null
	assert_status 254
	assert_output_has "guest fault"
	assert_output_lacks "survived"
}

@test "a write to the image's code is a guest fault (text is read-only)" {
	run kiln_boot "$TENDER" "$(image test-fault)" -- write-text
	assert_status 254
	assert_output_has "guest fault"
	assert_output_lacks "survived"
}

@test "a smashed stack is caught: 'stack smashing detected', 255" {
	run kiln_boot "$TENDER" "$(image test-ssp)"
	assert_status 255
	assert_output_has "stack smashing detected"
	assert_output_lacks "survived"
	# The same code with a copy that fits passes the canary check.
	run kiln_boot "$TENDER" "$(image test-ssp)" -- 16
	assert_status 0
	assert_output_has "test-ssp: survived"
}

@test "hvt: a system call instruction has no kernel to go to: guest fault (254)" {
	run kiln_boot "$TENDER" "$(image test-syscall)"
	assert_status 254
	assert_output_has "test-syscall: calling getpid (39)"
	assert_output_has "guest fault"
	assert_output_lacks "survived"
}

@test "floating point: arithmetic and printf of doubles" {
	kiln_skip_if_emulating_kvm "floating point"
	run kiln_boot "$TENDER" "$(image test-fpu)"
	assert_status 0
	assert_output_has "test-fpu: a*b=3.3750 a/b=0.666667"
	assert_output_has "test-fpu: pi~3.1416"
	assert_output_has "test-fpu: OK"
}

@test "on an emulating KVM, SSE the emulator cannot run is a clear guest fault, not a hang" {
	[ "$(kiln_kvm_kind)" = emulating ] || skip "this KVM does not emulate guest instructions"
	run kiln_boot "$TENDER" "$(image test-fpu)"
	assert_status 254
	assert_output_has "guest fault"
	assert_output_has "emulation failure"
}

@test "TLS: _Thread_local initial values, writes, a second block" {
	run kiln_boot "$TENDER" "$(image test-tls)"
	assert_status 0
	assert_output_has "test-tls: initialised=42 zeroed=0"
	assert_output_lacks "FAILED"
	assert_output_has "test-tls: OK"
}

@test "clocks: monotonic advances across solo5_yield, wall clock is the host's" {
	run kiln_boot "$TENDER" "$(image test-clock)" -- "$(date +%s)"
	assert_status 0
	assert_output_lacks "FAILED"
	assert_output_has "test-clock: ok: solo5_yield waits until its deadline"
	assert_output_has "test-clock: ok: wall clock within 60 s of the host's"
	assert_output_has "test-clock: OK"
}

@test "block device: host data read, blocks round-trip, guest writes reach the file" {
	disk=$KILN_SUITE_TMP/disk.img
	rm -f "$disk"
	truncate -s 1M "$disk"
	marker="host-wrote-this-$$"
	printf '%s' "$marker" | dd of="$disk" bs=512 seek=1 conv=notrunc status=none
	run kiln_boot "$TENDER" "$(image test-block)" --block:storage="$disk" -- "$marker"
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

@test "block device declared but not attached: tender error 1 naming it" {
	run kiln_boot "$TENDER" "$(image test-block)"
	assert_status 1
	assert_output_has "storage"
	assert_output_has "--block:storage="
}

@test "Solo5 cross-check: Kiln's hello runs under Solo5's solo5-hvt" {
	kiln_require_solo5 hvt
	run kiln_boot "$SOLO5_TENDER" "$(image hello)" -- one two
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello one two"
}

@test "Solo5 cross-check: exit statuses and a block device under solo5-hvt" {
	kiln_require_solo5 hvt
	run kiln_boot "$SOLO5_TENDER" "$(image test-exit)" -- 42
	assert_status 42
	disk=$KILN_SUITE_TMP/solo5-disk.img
	rm -f "$disk"
	truncate -s 64K "$disk"
	run kiln_boot "$SOLO5_TENDER" "$(image test-block)" --block:storage="$disk"
	assert_status 0
	assert_output_has "test-block: OK"
}
