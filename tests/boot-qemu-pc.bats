#!/usr/bin/env bats
# Booting on the virtio platform under QEMU's pc machine (through
# boot/virtio/kiln-qemu, as make run does; KVM where /dev/kvm is a hardware
# one, TCG otherwise): the shared cases of tests/lib/boot-cases.bash, then
# what is the launcher's own: its bad inputs and QEMU missing.
# tests/boot-qemu-microvm.bats runs the same cases on microvm.

load lib/common
PLATFORM=virtio
TARGET=pc
DEFCONFIG=qemu_x86_64_pc_defconfig
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
	assert_output_matches "^kiln-qemu: pc under (KVM|TCG)"
}

@test "kiln-qemu: a missing disk file, a disk not a multiple of 512 bytes: error 1, no boot" {
	local img disk=$KILN_SUITE_TMP/odd.img
	img=$(image test-block)
	run launch "$img" --block:storage="$KILN_SUITE_TMP/no-such.img"
	assert_status 1
	assert_output_has "no-such.img: no such file"
	assert_output_lacks "test-block:"
	rm -f "$disk"
	truncate -s 1000 "$disk"
	run launch "$img" --block:storage="$disk"
	assert_status 1
	assert_output_has "its size, 1000 bytes, is not a positive multiple of the 512-byte sector"
	assert_output_lacks "test-block:"
}

@test "kiln-qemu: QEMU missing from the host is an error naming its Debian package" {
	KILN_QEMU=qemu-not-installed-here run launch "$(image hello)"
	assert_status 1
	assert_output_has "qemu-not-installed-here is not installed"
	assert_output_has "qemu-system-x86"
}

@test "kiln-qemu: a missing, non-ELF or foreign image, bad options: error 1 saying which" {
	run launch "$KILN_SUITE_TMP/no-such.virtio"
	assert_status 1
	assert_output_has "no-such.virtio: no such image"
	run launch "$KILN_TOP/README.md"
	assert_status 1
	assert_output_has "not an x86_64 ELF image"
	run launch "$(image hello)" --machine=isapc
	assert_status 1
	assert_output_has "unknown machine 'isapc'"
	run launch "$(image hello)" --mem=lots
	assert_status 1
	assert_output_has "--mem=lots: not a number of MiB"
	run launch "$(image hello)" --net:service=kiln-no-tap
	assert_status 1
	assert_output_has "no network interface 'kiln-no-tap'"
}
