#!/usr/bin/env bats
# Booting on spt: Kiln's hello through `make run`, then the test
# applications of tests/fixtures/boot-tests (an external tree) under
# kiln-spt: exit statuses, abort, faults, the stack protector, the seccomp
# filter, floating point, clocks, TLS, a block device; and Kiln's image
# under Solo5's solo5-spt when one is available.
# The cases both platforms run are in tests/lib/boot-cases.bash (one line
# each here and in tests/boot-hvt.bats); spt's own are written out below.

load lib/common
PLATFORM=spt
load lib/boot-cases

setup_file() {
	boot_cases_build
}

@test "make run boots hello: greeting, exit status 0" { boot_case_make_run; }
@test "make run ARGS=... passes the arguments to main" { boot_case_make_run_args; }
@test "solo5_exit(N) is the tender's exit status, for several N" { boot_case_solo5_exit; }
@test "exit(N) runs atexit handlers, and returning N from main, both exit N" { boot_case_exit_and_return; }
@test "abort() exits 255 with a message" { boot_case_abort; }
@test "a read outside guest memory is a guest fault: SIGSEGV (139), reported, nothing after" { boot_case_fault_read_outside "guest fault.*0x40001000"; }
@test "a write to NULL is a guest fault (SIGSEGV, 139)" { boot_case_fault write-null; }
@test "a write to the image's code is a guest fault (text is read-only)" { boot_case_fault write-text; }
@test "a smashed stack is caught: 'stack smashing detected', 255" { boot_case_ssp; }

@test "spt: the seccomp filter stops a forbidden system call (getpid): 159 and its name" {
	run launch "$(image test-syscall)"
	assert_status 159
	assert_output_has "test-syscall: calling getpid (39)"
	assert_output_matches "forbidden system call.*getpid"
	assert_output_lacks "survived"
}

@test "floating point: arithmetic and printf of doubles" { boot_case_fpu; }
@test "TLS: _Thread_local initial values, writes, a second block" { boot_case_tls; }
@test "clocks: monotonic advances across solo5_yield, wall clock is the host's" { boot_case_clocks; }
@test "block device: host data read, blocks round-trip, guest writes reach the file" { boot_case_block; }
@test "block device: what a boot wrote, the next boot reads" { boot_case_block_persists; }
@test "block device declared but not attached: tender error 1 naming it" { boot_case_block_not_attached; }
@test "Solo5 cross-check: Kiln's hello runs under Solo5's solo5-spt" { boot_case_solo5_hello; }
@test "Solo5 cross-check: exit statuses and a block device under solo5-spt" { boot_case_solo5_exit_block; }
