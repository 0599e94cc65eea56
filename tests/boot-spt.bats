#!/usr/bin/env bats
# Booting on spt: Kiln's hello through `make run`, then the test
# applications of tests/fixtures/boot-tests (an external tree) under
# kiln-spt: exit statuses, abort, faults, the stack protector, the seccomp
# filter, floating point, clocks, TLS, a block device; and Kiln's image
# under Solo5's solo5-spt when one is available.
# (tests/boot-hvt.bats is the same list on hvt.)

load lib/common

PLATFORM=spt
OUT=$KILN_SUITE_TMP/out
TENDER=$OUT/host/bin/kiln-spt

setup_file() {
	# One build for the whole file; each test checks for its own image.
	kiln_build_boot_tests "$PLATFORM" "$OUT" >&3 || true
}

# image APP: the path of APP's image, or fail showing the build log.
image() {
	assert_file "$OUT/images/$1.$PLATFORM" "$OUT.log" >&2 || return 1
	echo "$OUT/images/$1.$PLATFORM"
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
	assert_output_matches "guest fault.*0x40001000"
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

@test "spt: the seccomp filter stops a forbidden system call (getpid): 159 and its name" {
	run kiln_boot "$TENDER" "$(image test-syscall)"
	assert_status 159
	assert_output_has "test-syscall: calling getpid (39)"
	assert_output_matches "forbidden system call.*getpid"
	assert_output_lacks "survived"
}

@test "floating point: arithmetic and printf of doubles" {
	run kiln_boot "$TENDER" "$(image test-fpu)"
	assert_status 0
	assert_output_has "test-fpu: a*b=3.3750 a/b=0.666667"
	assert_output_has "test-fpu: pi~3.1416"
	assert_output_has "test-fpu: OK"
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

@test "Solo5 cross-check: Kiln's hello runs under Solo5's solo5-spt" {
	kiln_require_solo5 spt
	run kiln_boot "$SOLO5_TENDER" "$(image hello)" -- one two
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello one two"
}

@test "Solo5 cross-check: exit statuses and a block device under solo5-spt" {
	kiln_require_solo5 spt
	run kiln_boot "$SOLO5_TENDER" "$(image test-exit)" -- 42
	assert_status 42
	disk=$KILN_SUITE_TMP/solo5-disk.img
	rm -f "$disk"
	truncate -s 64K "$disk"
	run kiln_boot "$SOLO5_TENDER" "$(image test-block)" --block:storage="$disk"
	assert_status 0
	assert_output_has "test-block: OK"
}
