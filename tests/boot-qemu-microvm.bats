#!/usr/bin/env bats
# Booting on the virtio platform under QEMU's microvm machine (through
# boot/virtio/kiln-qemu, as make run does; KVM where /dev/kvm is a hardware
# one, TCG otherwise): the shared cases of tests/lib/boot-cases.bash, with
# devices on virtio-mmio. The launcher's own bad inputs are tested once, in
# tests/boot-qemu-pc.bats.

load lib/common
PLATFORM=virtio
TARGET=microvm
DEFCONFIG=qemu_x86_64_microvm_defconfig
load lib/boot-cases

setup_file() {
	boot_cases_build
}

setup() {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
}

@test "make run boots hello: greeting, exit status 0" { boot_case_make_run; }
@test "make run ARGS=... passes the arguments to main" { boot_case_make_run_args; }
@test "solo5_exit(N) is the exit status of make run's QEMU, for several N" { boot_case_solo5_exit; }
@test "exit(N) runs atexit handlers, and returning N from main, both exit N" { boot_case_exit_and_return; }
@test "abort() exits 255 with a message" { boot_case_abort; }
@test "a read outside guest memory is a guest fault: 254, reported, nothing after" { boot_case_fault_read_outside "cr2=0x40001000"; }
@test "a write to NULL is a guest fault (254)" { boot_case_fault write-null; }
@test "a write to the image's code is a guest fault (text is read-only)" { boot_case_fault write-text; }
@test "a smashed stack is caught: 'stack smashing detected', 255" { boot_case_ssp; }
@test "floating point: arithmetic and printf of doubles" { boot_case_fpu; }
@test "TLS: _Thread_local initial values, writes, a second block" { boot_case_tls; }
@test "clocks: monotonic advances across solo5_yield, wall clock is the host's" { boot_case_clocks; }
@test "block device: host data read, blocks round-trip, guest writes reach the file" { boot_case_block; }
@test "block device: what a boot wrote, the next boot reads" { boot_case_block_persists; }
@test "block device declared but not attached: error 1 naming it" { boot_case_block_not_attached; }

@test "the PVH entry boots hello" { boot_case_entry pvh; }
@test "the multiboot entry boots hello" { boot_case_entry multiboot; }

@test "make run says whether QEMU runs under KVM or TCG" {
	image hello >/dev/null
	run kiln_make_run "$OUT"
	assert_status 0
	assert_output_matches "^kiln-qemu: microvm under (KVM|TCG)"
}
