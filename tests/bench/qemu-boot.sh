#!/bin/bash
# Benchmark: the virtio platform under QEMU. Prints numbers; it checks
# nothing (tests/boot-qemu-*.bats do).
#
#   tests/bench/qemu-boot.sh [O=<dir>]   (default: output/; works in <dir>/bench-qemu)
#
#   - boot to exit of hello under QEMU's TCG on pc (-nodefaults) and microvm,
#     median of KILN_BENCH_BOOTS runs (default 20, hyperfine), beside a
#     trivial guest (tests/bench/fixtures/trivial-pvh.S: one serial line,
#     then isa-debug-exit) with the same QEMU command line, in the same
#     run; and the ratio of the two
#   - the same hello through boot/virtio/kiln-qemu (what make run runs)
#   - hello's image size per platform (hvt, spt, virtio), stripped
#   - with a library built (Lua and libm from the test mirror, else the
#     test tree's calc-demo), the make that follows a platform switch
#     (hvt to virtio and back): wall time, objects compiled
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-qemu
boots=${KILN_BENCH_BOOTS:-20}
rm -rf "$work"
bench_log "$work/bench.log"

fail() {
	bench_fail "$1" "$log"
}

command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 is not installed (Debian package qemu-system-x86; ./scripts/setup)"
command -v hyperfine >/dev/null || fail "hyperfine is not installed (Debian package hyperfine; ./scripts/setup)"

echo "Kiln virtio boot benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(qemu-system-x86_64 --version | head -n 1), log $log)"

# --- images -------------------------------------------------------------------
for p in hvt spt virtio; do
	case $p in
	virtio) defconfig=qemu_x86_64_pc_defconfig ;;
	*) defconfig=${p}_defconfig ;;
	esac
	bench_make_logged O="$work/$p" "$defconfig" && bench_make_logged O="$work/$p" -j2 ||
		fail "building hello for $p failed"
	strip -o "$work/hello.$p.stripped" "$work/$p/images/hello.$p" || fail "strip hello.$p failed"
done
hello=$work/virtio/images/hello.virtio
as --32 -o "$work/trivial.o" "$top/tests/bench/fixtures/trivial-pvh.S" &&
	ld -m elf_i386 -Ttext=0x100000 -o "$work/trivial.elf" "$work/trivial.o" ||
	fail "assembling the trivial guest failed"

# --- boot to exit ---------------------------------------------------------------
# qemu MACHINE IMAGE: the QEMU command kiln-qemu would run (as one string,
# for hyperfine), the serial console to /dev/null.
qemu() {
	echo "qemu-system-x86_64 -machine $1,accel=tcg -cpu max -m 32 -nodefaults -no-user-config" \
		"-display none -no-reboot -serial file:/dev/null" \
		"-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel $2"
}

# median_ms CSV: the median of hyperfine's CSV export (seconds), in ms.
# The command (first field) has commas of its own, so count from the end:
# ...,median,user,system,min,max.
median_ms() {
	awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$1"
}

# boot NAME CMD: hyperfine's median of CMD (which exits 1: isa-debug-exit
# with status 0), in ms.
boot() {
	hyperfine --runs "$boots" --warmup 2 --ignore-failure --style none \
		--export-csv "$work/$1.csv" "$2" >>"$log" 2>&1 || fail "hyperfine failed on $1"
	median_ms "$work/$1.csv"
}

printf '%-44s %10s %10s %8s\n' "boot to exit under TCG (median of $boots)" trivial hello ratio
for m in pc microvm; do
	opts=$m
	[ "$m" = microvm ] && opts="microvm,acpi=off,auto-kernel-cmdline=off"
	t=$(boot "trivial-$m" "$(qemu "$opts" "$work/trivial.elf")") || exit 1
	h=$(boot "hello-$m" "$(qemu "$opts" "$hello")") || exit 1
	printf '%-44s %7s ms %7s ms %7sx\n' "  $m" "$t" "$h" "$(awk -v a="$h" -v b="$t" 'BEGIN { printf "%.2f", a / b }')"
done
for m in pc microvm; do
	k=$(boot "kiln-qemu-$m" "$top/boot/virtio/kiln-qemu --machine=$m --accel=tcg --mem=32 $hello") || exit 1
	printf '%-44s %7s ms\n' "  hello through kiln-qemu, $m" "$k"
done

# --- sizes ------------------------------------------------------------------------
echo "hello's image, stripped:"
for p in hvt spt virtio; do
	printf '  %-42s %8s bytes\n' "hello.$p" "$(stat -c %s "$work/hello.$p.stripped")"
done

# --- switching platform -----------------------------------------------------------
# Lua (with libm) from the test mirror, as tests/bench/packages.sh does;
# otherwise the test tree's calc-demo and its two packages.
sw=$work/switch
if mirror=$("$top/tests/mirror/build-mirror" lua libm 2>>"$log"); then
	export KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror
	external= app=lua-script hvt_config="KILN_PLATFORM_HVT=y
KILN_APP_LUA_SCRIPT=y"
else
	load() { . "$top/tests/$1.bash"; }
	. "$top/tests/lib/pkg-helpers.bash"
	pkg_make_archives "$top/tests/fixtures/pkg-tree/upstream" "$work/mirror" || exit 1
	export KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$work/mirror
	external=$top/tests/fixtures/pkg-tree app=calc-demo
	hvt_config=$(sed 's/^KILN_PLATFORM_SPT=y/KILN_PLATFORM_HVT=y/' "$external/configs/spt_calc_demo_defconfig")
fi
printf '%s\n' "$hvt_config" >"$work/hvt.config"
sed 's/^KILN_PLATFORM_HVT=y/KILN_PLATFORM_VIRTIO=y/' "$work/hvt.config" >"$work/virtio.config"
bench_make_logged O="$sw" KILN_EXTERNAL="$external" defconfig DEFCONFIG="$work/hvt.config" &&
	bench_make_logged O="$sw" -j2 || fail "building $app for hvt failed"
echo "make after switching platform, $app built ($(grep -c . <(ls "$sw/staging/lib")) archives in staging):"
for to in virtio hvt virtio; do
	bench_make_logged O="$sw" defconfig DEFCONFIG="$work/$to.config" || fail "loading the $to configuration failed"
	t0=$(now)
	bench_make O="$sw" -j2 >"$work/switch-$to.log" 2>&1 || fail "make after switching to $to failed"
	t=$(($(now) - t0))
	compiled=$(awk '$1 == "CC" || $1 == "AS"' "$work/switch-$to.log" | wc -l)
	outside=$(awk '($1 == "CC" || $1 == "AS") && $2 !~ /^build\/boot-/' "$work/switch-$to.log" | wc -l)
	printf '  %-42s %8s s   (%s objects compiled, %s outside the boot shim)\n' "to $to" "$(secs "$t")" "$compiled" "$outside"
done
