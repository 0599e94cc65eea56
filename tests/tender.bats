#!/usr/bin/env bats
# kiln-hvt and kiln-spt against crafted images (tests/lib/mkelf.py): every way
# an image or a command line can be wrong ends in one clear line and exit 1;
# a valid image runs and its status passes through; a misbehaving guest is a
# guest fault (hvt: 254; spt: reported, then the tender dies by the signal,
# 139 for SIGSEGV) or, on spt, a forbidden system call (159).
# Tenders: built by make into this suite's folder, or $KILN_HOST_BIN's
# (tests/lib/tender-helpers.bash).

load lib/common
load lib/tender-helpers

setup_file() {
	tender_build
}

# ---- images the tenders must refuse (no KVM needed: they stop before it) ----

@test "hvt: missing image file" {
	run "$KILN_HVT" "$BATS_TEST_TMPDIR/nonexistent.hvt"
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-hvt: $BATS_TEST_TMPDIR/nonexistent.hvt: cannot open: No such file or directory" ]]
}
@test "spt: missing image file" {
	run "$KILN_SPT" "$BATS_TEST_TMPDIR/nonexistent.spt"
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-spt: $BATS_TEST_TMPDIR/nonexistent.spt: cannot open: No such file or directory" ]]
}
@test "hvt: no image given" {
	run "$KILN_HVT" --mem=64
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-hvt: no unikernel image given"* ]]
}
@test "spt: an image that is a directory" {
	run "$KILN_SPT" "$BATS_TEST_TMPDIR"
	[ "$status" -eq 1 ]
	[[ "$output" == *"not a regular file"* ]]
}

@test "hvt: non-ELF file" { refuses hvt not-elf "not an ELF file"; }
@test "spt: non-ELF file" { refuses spt not-elf "not an ELF file"; }

@test "hvt: truncated ELF (cut inside a segment)" { refuses hvt truncated "truncated ELF file: segment 0"; }
@test "spt: truncated ELF (cut inside a segment)" { refuses spt truncated "truncated ELF file: segment 0"; }

@test "hvt: truncated ELF (shorter than its header)" {
	craft hvt valid
	head -c 40 "$IMG" >"$IMG.cut"
	run "$KILN_HVT" "$IMG.cut"
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-hvt: $IMG.cut: truncated ELF file: 40 bytes"* ]]
}
@test "spt: truncated ELF (program headers cut off)" {
	craft spt valid
	head -c 100 "$IMG" >"$IMG.cut"
	run "$KILN_SPT" "$IMG.cut"
	[ "$status" -eq 1 ]
	[[ "$output" == *"truncated ELF file: program headers"* ]]
}

@test "hvt: wrong architecture" { refuses hvt wrong-arch "built for ELF machine 183, not x86_64"; }
@test "spt: wrong architecture" { refuses spt wrong-arch "built for ELF machine 183, not x86_64"; }
@test "hvt: 32-bit ELF" { refuses hvt wrong-class "not a 64-bit ELF file"; }
@test "spt: 32-bit ELF" { refuses spt wrong-class "not a 64-bit ELF file"; }
@test "hvt: not ET_EXEC" { refuses hvt not-exec "not an executable"; }
@test "spt: not ET_EXEC" { refuses spt not-exec "not an executable"; }
@test "hvt: overlapping segments" { refuses hvt overlap "overlaps the previous one"; }
@test "spt: overlapping segments" { refuses spt overlap "overlaps the previous one"; }
@test "hvt: writable and executable segment" { refuses hvt wx "both writable and executable"; }
@test "spt: writable and executable segment" { refuses spt wx "both writable and executable"; }
@test "hvt: segment below 1 MiB" { refuses hvt low-segment "lies below 0x100000"; }
@test "spt: segment below 1 MiB" { refuses spt low-segment "lies below 0x100000"; }
@test "hvt: p_align not a power of two" { refuses hvt bad-align "is not a power of two"; }
@test "spt: p_align not a power of two" { refuses spt bad-align "is not a power of two"; }
@test "hvt: entry point outside the text" { refuses hvt entry-outside "not in an executable segment"; }
@test "spt: entry point outside the text" { refuses spt entry-outside "not in an executable segment"; }
@test "hvt: no ABI note" { refuses hvt no-abi-note "no Solo5 ABI note"; }
@test "spt: no ABI note" { refuses spt no-abi-note "no Solo5 ABI note"; }
@test "hvt: image for the other target" { refuses hvt foreign-note "built for the spt target (ABI target 2), not hvt: run it with kiln-spt"; }
@test "spt: image for the other target" { refuses spt foreign-note "built for the hvt target (ABI target 1), not spt: run it with kiln-hvt"; }
@test "hvt: manifest size does not match its entries" { refuses hvt bad-manifest "invalid manifest"; }
@test "spt: manifest size does not match its entries" { refuses spt bad-manifest "invalid manifest"; }
@test "hvt: a manifest byte 'attached' neither 0 nor 1 is refused, read as a byte" { refuses hvt attached-byte "a device is marked attached in the image"; }
@test "spt: a manifest byte 'attached' neither 0 nor 1 is refused, read as a byte" { refuses spt attached-byte "a device is marked attached in the image"; }

@test "hvt: image larger than guest memory" {
	craft hvt valid
	# 2 MiB holds this image; check the bound with a segment moved past it instead:
	python3 - "$IMG" <<'PY'
import struct, sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read())
# program header 1 (data): p_vaddr and p_paddr to 0x3ff000, just under 4 MiB
struct.pack_into('<QQ', b, 64 + 56 + 16, 0x3ff000, 0x3ff000)
open(p, 'wb').write(b)
PY
	run "$KILN_HVT" --mem=2 "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"needs 0x400000 bytes of address space but guest memory is 0x200000 bytes: raise --mem"* ]]
}

# ---- command lines the tenders must refuse ----

@test "hvt: unknown option" {
	craft hvt valid
	run "$KILN_HVT" --frobnicate "$IMG"
	[ "$status" -eq 1 ]
	[ "$output" = "kiln-hvt: unknown option '--frobnicate' (see --help)" ]
}
@test "spt: unknown option" {
	craft spt valid
	run "$KILN_SPT" --mem=4 --frobnicate "$IMG"
	[ "$status" -eq 1 ]
	[ "$output" = "kiln-spt: unknown option '--frobnicate' (see --help)" ]
}
@test "hvt: --mem out of range and malformed" {
	craft hvt valid
	run "$KILN_HVT" --mem=4097 "$IMG"
	[ "$status" -eq 1 ]
	[ "$output" = "kiln-hvt: --mem=4097: out of range: give 2 to 4096 MiB" ]
	run "$KILN_HVT" --mem=1 "$IMG"
	[ "$status" -eq 1 ]
	run "$KILN_HVT" --mem=12x "$IMG"
	[ "$status" -eq 1 ]
	[ "$output" = "kiln-hvt: --mem=12x: not a number of MiB" ]
}
@test "spt: --mem out of range and malformed" {
	craft spt valid
	run "$KILN_SPT" --mem=0 "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-spt: --mem=0: out of range"* ]]
	run "$KILN_SPT" --mem=99999999999999999999 "$IMG"
	[ "$status" -eq 1 ]
	run "$KILN_SPT" --mem= "$IMG"
	[ "$status" -eq 1 ]
}
@test "hvt: device on the command line but not in the manifest" {
	craft hvt valid --block disk0
	: >"$BATS_TEST_TMPDIR/disk"
	run "$KILN_HVT" --block:disk1="$BATS_TEST_TMPDIR/disk" "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"the image declares no block device 'disk1' (it declares: disk0)" ]]
	run "$KILN_HVT" --net:net0=tap0 "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"the image declares no net device 'net0' (it declares: none)" ]]
}
@test "spt: device on the command line but not in the manifest" {
	craft spt valid --net net0
	run "$KILN_SPT" --net:net1=tap0 "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"the image declares no net device 'net1' (it declares: net0)" ]]
	run "$KILN_SPT" --block:net0=/dev/null "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"'net0' is a net device in the image, not a block device" ]]
}
@test "hvt: declared device not attached" {
	kiln_require_hvt
	craft hvt valid --block disk0
	run kiln_on_kvm "$KILN_HVT" "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"declares block device 'disk0' but it is not attached: add --block:disk0=FILE" ]]
}
@test "spt: declared device not attached" {
	craft spt valid --net net0
	run "$KILN_SPT" "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"declares net device 'net0' but it is not attached: add --net:net0=TAP" ]]
}
@test "spt: block file not a multiple of the block size" {
	craft spt valid --block disk0
	head -c 1000 /dev/zero >"$BATS_TEST_TMPDIR/disk"
	run "$KILN_SPT" --block:disk0="$BATS_TEST_TMPDIR/disk" "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"block device 'disk0': its file has 1000 bytes"* ]]
	run "$KILN_SPT" --block-sector-size:disk0=1000 --block:disk0="$BATS_TEST_TMPDIR/disk" "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"must be a power of two"* ]]
}
@test "hvt: missing tap interface" {
	craft hvt valid --net net0
	run "$KILN_HVT" --net:net0=kilnnosuchtap "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"no network interface 'kilnnosuchtap'"* ]]
}
@test "hvt and spt: --help and --version" {
	run "$KILN_HVT" --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--block:NAME=FILE"* ]]
	[[ "$output" == *"--net:NAME=TAP"* ]]
	run "$KILN_SPT" --version
	[ "$status" -eq 0 ]
	[[ "$output" == *"target spt (2), version 2"* ]]
}

# ---- valid images run ----

@test "hvt: a valid image runs and its exit status passes through" {
	kiln_require_hvt
	craft hvt valid --exit 7
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 7 ]
	[ "$output" = "kiln-ok" ]
}
@test "spt: a valid image runs and its exit status passes through" {
	craft spt valid --exit 7
	run "$KILN_SPT" --mem=8 "$IMG"
	[ "$status" -eq 7 ]
	[ "$output" = "kiln-ok" ]
}
@test "hvt: the guest gets its arguments as the command line" {
	kiln_require_hvt
	craft hvt cmdline
	run kiln_on_kvm "$KILN_HVT" -- "$IMG" hello world and more
	[ "$status" -eq 0 ]
	[ "$output" = "hello world" ]
}
@test "spt: the guest gets its arguments as the command line" {
	craft spt cmdline
	run "$KILN_SPT" "$IMG" hello world and more
	[ "$status" -eq 0 ]
	[ "$output" = "hello world" ]
}
@test "spt: attached block device and its seccomp rules do not get in the way" {
	craft spt valid --block disk0 --exit 3
	head -c 4096 /dev/zero >"$BATS_TEST_TMPDIR/disk"
	run "$KILN_SPT" --block:disk0="$BATS_TEST_TMPDIR/disk" "$IMG"
	[ "$status" -eq 3 ]
	[ "$output" = "kiln-ok" ]
}

# ---- misbehaving guests ----

@test "hvt: hypercall with a pointer outside guest memory is a guest fault" {
	kiln_require_hvt
	craft hvt bad-pointer
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	[[ "$output" == "kiln-hvt: guest fault: hypercall PUTS: PUTS buffer at 0xfffff000"*"outside guest memory"* ]]
}
@test "hvt: port I/O that is no hypercall is a guest fault" {
	kiln_require_hvt
	craft hvt bad-port
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	[[ "$output" == "kiln-hvt: guest fault: port I/O to 0x600"* ]]
}
@test "hvt: a Kiln image's page tables keep its text read-only" {
	kiln_require_hvt
	craft hvt write-text --stack-note
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	# No IDT in this guest: its page fault becomes a triple fault, at the
	# write, except where the CPU (AMD SVM) resets its registers on one.
	triple_fault_at 0x100000
}
@test "hvt: a Solo5 image's write to its text ends the tender as under solo5-hvt: 1, host/guest translation fault" {
	kiln_require_hvt
	craft hvt write-text
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 1 ]
	[[ "$output" == "kiln-hvt: host/guest translation fault at rip 0x1000"*": the guest wrote to memory the host maps read-only, its text or rodata (0x100000-0x101000)" ]]
}
@test "hvt: the guest's page tables keep its data non-executable" {
	kiln_require_hvt
	craft hvt exec-data
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	triple_fault_at 0x101100
}
@test "hvt: hypercall results aimed at read-only text are a guest fault" {
	kiln_require_hvt
	craft hvt result-in-text
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	[[ "$output" == "kiln-hvt: guest fault: hypercall WALLTIME: argument struct at 0x100000 (0x8 bytes) is in the image's read-only segment"* ]]
}
@test "hvt: HALT 254 with a cookie is a fault the guest reported" {
	kiln_require_hvt
	craft hvt halt-fault
	run kiln_on_kvm "$KILN_HVT" --mem=8 "$IMG"
	[ "$status" -eq 254 ]
	[ "${lines[0]}" = "kiln-ok" ]
	[ "${lines[1]}" = "kiln-hvt: guest fault (reported by the guest)" ]
}
@test "spt: writing its own text is a guest fault" {
	craft spt write-text
	run "$KILN_SPT" --mem=8 "$IMG"
	[ "$status" -eq 139 ]
	# The fault, then its backtrace: the rip (these crafted images have
	# no stack note, so no stack to walk).
	[ "${lines[0]}" = "kiln-spt: guest fault: SIGSEGV at address 0x100000 (rip 0x100000)" ]
	[ "${lines[1]}" = "kiln-spt: backtrace (most recent call first):" ]
	[ "${lines[2]}" = "kiln-spt:   #0 0x0000000000100000" ]
	[ "${#lines[@]}" -eq 3 ]
}
@test "spt: jumping into its data is a guest fault" {
	craft spt exec-data
	run "$KILN_SPT" --mem=8 "$IMG"
	[ "$status" -eq 139 ]
	# The fault, then its backtrace: the rip (these crafted images have
	# no stack note, so no stack to walk).
	[ "${lines[0]}" = "kiln-spt: guest fault: SIGSEGV at address 0x101100 (rip 0x101100)" ]
	[ "${lines[1]}" = "kiln-spt: backtrace (most recent call first):" ]
	[ "${lines[2]}" = "kiln-spt:   #0 0x0000000000101100" ]
	[ "${#lines[@]}" -eq 3 ]
}
@test "spt: a forbidden system call is stopped and named" {
	craft spt forbidden-syscall
	run "$KILN_SPT" --mem=8 "$IMG"
	[ "$status" -eq 159 ]
	[ "$output" = "kiln-spt: guest made a forbidden system call: 39 (getpid)" ]
}

@test "fuzz: the tenders' image path, hvt's hypercall dispatch, its gdb stub and its network ring run clean under ASan and UBSan" {
	kiln_require_cmd clang clang
	run make -s -C "$KILN_TOP/boot/tender/fuzz" run O="$KILN_SUITE_TMP/fuzz" FUZZ_SECONDS="${KILN_FUZZ_SECONDS:-10}"
	echo "$output" | tail -n 30
	assert_status 0
	assert_output_matches "^fuzz_image: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_matches "^fuzz_hypercall: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_matches "^fuzz_gdb: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_matches "^fuzz_net_ring: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_has "tender fuzz: 4 targets clean"
}
