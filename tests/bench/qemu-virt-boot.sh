#!/bin/bash
# Benchmark: the virtio platform on aarch64, QEMU's virt board under TCG.
# Prints numbers; it checks nothing (tests/boot-qemu-virt.bats does).
#
#   tests/bench/qemu-virt-boot.sh [O=<dir>]   (default: output/; works in <dir>/bench-qemu-virt)
#
#   - boot to exit of hello (-cpu max and cortex-a57), median of
#     KILN_BENCH_BOOTS runs (default 20, hyperfine), beside a trivial guest
#     (tests/bench/fixtures/trivial-virt.S: one PL011 line, then
#     semihosting SYS_EXIT) with the same QEMU command line, in the same
#     run; and the ratio of the two
#   - the same hello through boot/virtio/kiln-qemu --machine=virt (make run)
#   - hello's image size, stripped, beside the x86_64 virtio one's
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-qemu-virt
boots=${KILN_BENCH_BOOTS:-20}
rm -rf "$work"
bench_log "$work/bench.log"

fail() {
	bench_fail "$1" "$log"
}

command -v qemu-system-aarch64 >/dev/null || fail "qemu-system-aarch64 is not installed (Debian package qemu-system-arm; ./scripts/setup)"
command -v aarch64-linux-gnu-as >/dev/null || fail "aarch64-linux-gnu-as is not installed (Debian package binutils-aarch64-linux-gnu; ./scripts/setup)"
command -v hyperfine >/dev/null || fail "hyperfine is not installed (Debian package hyperfine; ./scripts/setup)"

echo "Kiln aarch64 virt boot benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(qemu-system-aarch64 --version | head -n 1), log $log)"

# --- images -------------------------------------------------------------------
for a in aarch64 x86_64; do
	case $a in
	aarch64) defconfig=qemu_aarch64_virt_defconfig strip=aarch64-linux-gnu-strip ;;
	x86_64) defconfig=qemu_x86_64_pc_defconfig strip=strip ;;
	esac
	bench_make_logged O="$work/$a" "$defconfig" && bench_make_logged O="$work/$a" -j2 ||
		fail "building hello for virtio on $a failed"
	$strip -o "$work/hello.$a.stripped" "$work/$a/images/hello.virtio" || fail "strip hello.virtio ($a) failed"
done
hello=$work/aarch64/images/hello.virtio
aarch64-linux-gnu-as -o "$work/trivial.o" "$top/tests/bench/fixtures/trivial-virt.S" &&
	aarch64-linux-gnu-ld -Ttext=0x40200000 -o "$work/trivial.elf" "$work/trivial.o" ||
	fail "assembling the trivial guest failed"

# --- boot to exit ---------------------------------------------------------------
# qemu CPU IMAGE: the QEMU command kiln-qemu would run (as one string, for
# hyperfine), the serial console to /dev/null.
qemu() {
	echo "qemu-system-aarch64 -machine virt,accel=tcg -cpu $1 -m 64 -nodefaults -no-user-config" \
		"-display none -no-reboot -serial file:/dev/null" \
		"-semihosting-config enable=on,target=native -kernel $2"
}

# median_ms CSV: the median of hyperfine's CSV export (seconds), in ms.
# The command (first field) has commas of its own, so count from the end:
# ...,median,user,system,min,max.
median_ms() {
	awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$1"
}

# boot NAME CMD: hyperfine's median of CMD (which exits 0), in ms.
boot() {
	hyperfine --runs "$boots" --warmup 2 --style none \
		--export-csv "$work/$1.csv" "$2" >>"$log" 2>&1 || fail "hyperfine failed on $1"
	median_ms "$work/$1.csv"
}

printf '%-44s %10s %10s %8s\n' "boot to exit under TCG (median of $boots)" trivial hello ratio
for cpu in max cortex-a57; do
	t=$(boot "trivial-$cpu" "$(qemu "$cpu" "$work/trivial.elf")") || exit 1
	h=$(boot "hello-$cpu" "$(qemu "$cpu" "$hello")") || exit 1
	printf '%-44s %7s ms %7s ms %7sx\n' "  virt, -cpu $cpu" "$t" "$h" "$(awk -v a="$h" -v b="$t" 'BEGIN { printf "%.2f", a / b }')"
done
k=$(boot "kiln-qemu-virt" "$top/boot/virtio/kiln-qemu --machine=virt --mem=64 $hello") || exit 1
printf '%-44s %7s ms\n' "  hello through kiln-qemu, virt" "$k"

# --- sizes ------------------------------------------------------------------------
echo "hello's virtio image, stripped:"
for a in aarch64 x86_64; do
	printf '  %-42s %8s bytes\n' "$a" "$(stat -c %s "$work/hello.$a.stripped")"
done
