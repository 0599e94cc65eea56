#!/usr/bin/env bash
# kvm-in-qemu: what running hvt inside a VM under QEMU's TCG costs
# (scripts/kvm-in-qemu, used where this machine's KVM will not do): the VM's
# start (cached kernel), one command's round trip, hello.hvt booted in it,
# `make run-nested` from start to power-off. Medians of a few runs.
. "$(dirname "$0")/lib.bash"
bench_args "$@"

command -v qemu-system-x86_64 >/dev/null ||
	{ echo "kvm-in-qemu skipped: qemu-system-x86_64 is not installed (./scripts/setup)"; exit 0; }
vm=$top/scripts/kvm-in-qemu
work=$out/bench-kvm-in-qemu
hvt=$work/hvt
bench_log "$work.log"
rm -rf "$work"
mkdir -p "$work"
bench_make_logged O="$hvt" hvt_defconfig && bench_make_logged O="$hvt" -j2 all ||
	bench_fail "building hvt_defconfig failed" "$log"
quietly "$vm" prepare || bench_fail "kvm-in-qemu prepare failed"

# report LABEL TIMES...: the median and range of TIMES (µs), in ms.
report() {
	local label=$1 sorted
	shift
	sorted=$(printf '%s\n' "$@" | sort -n)
	printf '%-40s %9s ms  (median of %d; min %s, max %s)\n' "$label" \
		"$(msecs "$(median "$@")" 0)" $# \
		"$(msecs "$(head -n 1 <<<"$sorted")" 0)" "$(msecs "$(tail -n 1 <<<"$sorted")" 0)"
}

starts=() trips=() hellos=()
for i in 1 2 3; do
	t=$(timed quietly "$vm" start --dir "$work/vm" --rw "$work") || bench_fail "the VM did not start"
	starts+=("$t")
	for j in 1 2 3; do
		trips+=("$(timed quietly "$vm" exec --dir "$work/vm" -- true)")
		hellos+=("$(timed quietly "$vm" exec --dir "$work/vm" -- \
			"$hvt/host/bin/kiln-hvt" --mem=32 "$hvt/images/hello.hvt")")
	done
	"$vm" stop --dir "$work/vm"
done
runs=()
for i in 1 2 3; do
	runs+=("$(timed quietly bench_make O="$hvt" run-nested)") || bench_fail "make run-nested failed"
done
report "VM start (kernel cached)" "${starts[@]}"
report "exec round trip (true)" "${trips[@]}"
report "kiln-hvt hello.hvt in the VM" "${hellos[@]}"
report "make run-nested, start to power-off" "${runs[@]}"
