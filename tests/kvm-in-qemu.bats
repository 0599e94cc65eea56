#!/usr/bin/env bats
# scripts/kvm-in-qemu: a Linux VM under QEMU's TCG with a KVM of its own,
# which runs hvt (and its tests) on machines without a usable /dev/kvm.
# One VM serves the suite (start/exec/stop); `run` and `make run-nested`
# boot their own.

load lib/common

VMDIR=$KILN_SUITE_TMP/vm
SHARED=$KILN_SUITE_TMP/shared

setup_file() {
	command -v qemu-system-x86_64 >/dev/null || return 0
	mkdir -p "$SHARED"
	"$KILN_VM" start --dir "$VMDIR" --rw "$SHARED" >"$VMDIR.log" 2>&1 3>&- || true
}

teardown_file() {
	"$KILN_VM" stop --dir "$VMDIR" || true
}

setup() {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
}

# in_vm CMD...: CMD in the suite's VM.
in_vm() {
	"$KILN_VM" exec --dir "$VMDIR" -- "$@"
}

@test "start: the VM is up, with a KVM of its own" {
	[ -f "$VMDIR/qemu.pid" ] || { cat "$VMDIR.log"; return 1; }
	run in_vm sh -c 'test -c /dev/kvm && grep -cw svm /proc/cpuinfo'
	assert_status 0
	[ "$output" -ge 1 ]
	# The probe, run in there, sees a hardware KVM.
	run in_vm "$KILN_KVM_PROBE"
	assert_status 0
	[ "$output" = hardware ]
}

@test "exec: status, stdout and stderr apart, working directory and environment" {
	cd "$SHARED"
	KILN_PROBE_VAR="a b'c" run in_vm bash -c 'echo "out $PWD $KILN_PROBE_VAR"; echo err >&2; exit 7'
	assert_status 7
	assert_output_has "out $SHARED a b'c"
	assert_output_has "err"
	local out
	out=$(in_vm bash -c 'echo to-stdout; echo to-stderr >&2' 2>/dev/null)
	[ "$out" = to-stdout ]
	out=$(in_vm bash -c 'echo to-stdout; echo to-stderr >&2' 2>&1 >/dev/null)
	[ "$out" = to-stderr ]
	# Arguments keep their spaces and quotes.
	run in_vm printf '[%s]' "one two" "'three'" ""
	[ "$output" = "[one two]['three'][]" ]
}

@test "exec: the host's files are read-only, --rw folders writable both ways" {
	run in_vm touch "$KILN_TOP/kvm-in-qemu-was-here"
	[ "$status" -ne 0 ]
	assert_output_has "Read-only file system"
	[ ! -e "$KILN_TOP/kvm-in-qemu-was-here" ]
	echo from-host >"$SHARED/h"
	run in_vm bash -c "cat $SHARED/h && echo from-guest >$SHARED/g"
	assert_status 0
	assert_output_has from-host
	[ "$(cat "$SHARED/g")" = from-guest ]
	# The guest has a /tmp of its own to write to.
	run in_vm bash -c 'echo x >/tmp/kvm-in-qemu-tmp && cat /tmp/kvm-in-qemu-tmp'
	assert_status 0
	[ "$output" = x ]
}

@test "exec: requests run side by side; output streams while a command runs" {
	local log=$BATS_TEST_TMPDIR/stream.log
	in_vm bash -c 'echo first; sleep 4; echo second' >"$log" 2>&1 3>&- &
	local pid=$! waited=0
	until grep -q first "$log"; do
		[ $waited -lt 200 ] || { echo "no output while it ran:"; cat "$log"; return 1; }
		sleep 0.1
		waited=$((waited + 1))
	done
	# The first is still running: a second request is answered meanwhile.
	run in_vm echo meanwhile
	assert_status 0
	[ "$output" = meanwhile ]
	if grep -q second "$log"; then
		echo "the first request ended before the second was answered"
		return 1
	fi
	wait $pid
	grep -q second "$log"
}

@test "exec: a large output written fast arrives whole, and the status is the command's" {
	# 8 MiB in a few large writes: the output file grows while the host
	# copies it, which once cost the copy a SIGPIPE (status 141).
	run in_vm bash -c 'head -c 8388608 /dev/zero | tr "\0" k; exit 3'
	[ "$status" -eq 3 ]
	[ "${#output}" -eq 8388608 ]
	[ "$(printf %s "$output" | tr -d k | wc -c)" -eq 0 ]
}

@test "exec: --timeout ends the command in the VM and says so (125)" {
	run "$KILN_VM" exec --dir "$VMDIR" --timeout 2 -- bash -c "sleep 30; touch $SHARED/late"
	assert_status 125
	assert_output_has "no answer from the VM within 2 s"
	sleep 1
	# It was killed in the VM too: nothing is left of it.
	run in_vm bash -c "pgrep -f 'slee[p] 30' || echo none"
	[ "$output" = none ]
}

@test "exec and stop: errors say what is wrong" {
	run "$KILN_VM" exec --dir "$KILN_SUITE_TMP/no-vm" -- true
	assert_status 125
	assert_output_has "no VM running for $KILN_SUITE_TMP/no-vm"
	run "$KILN_VM" start --dir "$KILN_SUITE_TMP/bad" --rw "$KILN_SUITE_TMP/missing"
	assert_status 125
	assert_output_has "--rw $KILN_SUITE_TMP/missing: no such folder"
	run "$KILN_VM" frobnicate
	assert_status 2
	assert_output_has "unknown command frobnicate"
	run "$KILN_VM" stop --dir "$KILN_SUITE_TMP/no-vm"
	assert_status 0
}

@test "without QEMU: error 125 naming the Debian package" {
	local bin=$BATS_TEST_TMPDIR/bin cmd
	mkdir -p "$bin"
	# Everything the script uses but QEMU.
	for cmd in bash sed grep cut sha256sum apt-cache head cat mkdir dirname basename; do
		ln -s "$(command -v "$cmd")" "$bin/$cmd"
	done
	PATH=$bin run "$KILN_VM" run -- true
	assert_status 125
	assert_output_has "qemu-system-x86_64 not found: install the Debian package qemu-system-x86"
}

@test "run: boots, runs one command with its status, powers off" {
	TMPDIR=$BATS_TEST_TMPDIR run "$KILN_VM" run -- bash -c 'cat /proc/sys/kernel/osrelease; exit 3'
	assert_status 3
	assert_output_matches '^[0-9]+\.[0-9]+'
	# Nothing is left running, or on disk.
	run pgrep -f "kiln.dir=$BATS_TEST_TMPDIR/"
	[ "$status" -ne 0 ]
	[ -z "$(ls "$BATS_TEST_TMPDIR")" ]
}

@test "run: one vCPU by default, KILN_VM_CPUS=2 two" {
	TMPDIR=$BATS_TEST_TMPDIR run "$KILN_VM" run -- nproc
	assert_status 0
	[ "$output" = 1 ]
	KILN_VM_CPUS=2 TMPDIR=$BATS_TEST_TMPDIR run "$KILN_VM" run -- nproc
	assert_status 0
	[ "$output" = 2 ]
}
