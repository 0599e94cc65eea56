#!/usr/bin/env bats
# Booting on hvt: Kiln's hello through `make run`, then the test
# applications of tests/fixtures/boot-tests (an external tree) under
# kiln-hvt: exit statuses, abort, faults, the stack protector, a system call
# instruction, floating point, clocks, TLS, a block device; and Kiln's image
# under Solo5's solo5-hvt when one is available.
# The cases both platforms run are in tests/lib/boot-cases.bash (one line
# each here and in tests/boot-spt.bats); hvt's own are written out below.
#
# The guests run where tests/lib/common.bash's kiln_require_hvt says: on
# this host's KVM where it is a hardware one, otherwise in a VM under QEMU
# with a KVM of its own (scripts/kvm-in-qemu).

load lib/common
PLATFORM=hvt
load lib/boot-cases

setup_file() {
	boot_cases_build
}

setup() {
	# The probe's own tests, and the one about this host's emulating KVM,
	# need no guest to run elsewhere.
	case $BATS_TEST_DESCRIPTION in
	kvm-probe* | "on an emulating KVM"*) ;;
	*) kiln_require_hvt ;;
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
	assert_status 0
	assert_output_matches "^none: .*not a character device"
}

@test "make run boots hello: greeting, exit status 0" { boot_case_make_run; }
@test "make run ARGS=... passes the arguments to main" { boot_case_make_run_args; }
@test "solo5_exit(N) is the tender's exit status, for several N" { boot_case_solo5_exit; }
@test "exit(N) runs atexit handlers, and returning N from main, both exit N" { boot_case_exit_and_return; }
@test "abort() exits 255 with a message" { boot_case_abort; }
@test "a read outside guest memory is a guest fault: 254, reported, nothing after" { boot_case_fault_read_outside "0x40001000"; }
@test "a write to NULL is a guest fault (254)" { boot_case_fault write-null; }
@test "a write to the image's code is a guest fault (text is read-only)" { boot_case_fault write-text; }
@test "a guest that makes its text writable in page tables of its own still cannot write it: 1, host/guest translation fault" {
	run launch "$(image test-fault)" -- write-text-remapped
	assert_status 1
	assert_output_has "test-fault: page tables replaced, all memory writable"
	assert_output_has "host/guest translation fault"
	assert_output_lacks "survived"
}
@test "a smashed stack is caught: 'stack smashing detected', 255" { boot_case_ssp; }

@test "make run-nested boots hello in a VM under QEMU with a KVM of its own" {
	image hello >/dev/null
	run kiln_make "$OUT" run-nested ARGS="in a vm"
	assert_status 0
	assert_output_has "Hello from Kiln!"
	assert_output_has "command line: hello in a vm"
}

@test "make run where KVM will not do says so, then boots hello in the VM" {
	image hello >/dev/null
	# A missing device stands for a machine without KVM (scripts/kvm-probe).
	KILN_KVM_DEV=$KILN_SUITE_TMP/no-kvm run kiln_make "$OUT" run ARGS="auto"
	assert_status 0
	assert_output_has "this machine's KVM will not do ($KILN_SUITE_TMP/no-kvm does not exist"
	assert_output_has "running in a VM under QEMU"
	assert_output_has "command line: hello auto"
}

@test "hvt: a system call instruction has no kernel to go to: guest fault (254)" {
	run launch "$(image test-syscall)"
	assert_status 254
	assert_output_has "test-syscall: calling getpid (39)"
	assert_output_has "guest fault"
	assert_output_lacks "survived"
}

@test "floating point: arithmetic and printf of doubles" { boot_case_fpu; }

@test "on an emulating KVM, SSE the emulator cannot run is a clear guest fault, not a hang" {
	[ "$(kiln_kvm_kind)" = emulating ] || skip "this host's KVM does not emulate guest instructions"
	# This host's own KVM, not the one kiln_boot would take.
	run timeout --kill-after=5 "$KILN_BOOT_TIMEOUT" "$OUT/host/bin/kiln-hvt" --mem="$KILN_TEST_MEM" "$(image test-fpu)"
	assert_status 254
	assert_output_has "guest fault"
	assert_output_has "emulation failure"
}

@test "TLS: _Thread_local initial values, writes, a second block" { boot_case_tls; }
@test "clocks: monotonic advances across solo5_yield, wall clock is the host's" { boot_case_clocks; }
@test "block device: host data read, blocks round-trip, guest writes reach the file" { boot_case_block; }
@test "block device: what a boot wrote, the next boot reads" { boot_case_block_persists; }
@test "block device declared but not attached: tender error 1 naming it" { boot_case_block_not_attached; }
@test "Solo5 cross-check: Kiln's hello runs under Solo5's solo5-hvt" { boot_case_solo5_hello; }
@test "Solo5 cross-check: exit statuses and a block device under solo5-hvt" { boot_case_solo5_exit_block; }
