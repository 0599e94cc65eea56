#!/bin/bash
# Benchmark: how long Kiln takes to build and boot hello. Prints numbers;
# it checks nothing (the suites do).
#
#   tests/bench/boot.sh [O=<dir>]      (default: output/; builds under <dir>/bench-boot)
#
#   - clean build of hvt_defconfig at -j2 (median of KILN_BENCH_BUILDS runs,
#     default 5; hvt_defconfig downloads nothing)
#   - no-op make, and make after touching package/hello/hello.c (medians)
#   - hello.hvt's size as built and stripped, and its sections (size -A)
#   - boot to exit of hello under kiln-hvt and kiln-spt (median of
#     KILN_BENCH_BOOTS runs, default 20), hvt only where /dev/kvm works
#   - with SOLO5_DIR=<a built Solo5 tree>: Solo5's tenders on their own
#     test_hello, and each tender on the other project's image, side by side
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-boot
hvt=$work/hvt
spt=$work/spt
builds=${KILN_BENCH_BUILDS:-5}
boots=${KILN_BENCH_BOOTS:-20}
bench_log "$work/bench.log"

fail() {
	bench_fail "$1" "$log"
}

echo "Kiln build and boot benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), log $log)"

# --- builds ---------------------------------------------------------------
times=()
for i in $(seq "$builds"); do
	rm -rf "$hvt"
	bench_make_logged O="$hvt" hvt_defconfig || fail "make hvt_defconfig failed"
	t=$(timed bench_make_logged O="$hvt" -j2) || fail "the build of hvt_defconfig failed"
	times+=("$t")
done
printf '%-44s %8s s   (runs: %s)\n' "clean build, hvt_defconfig, -j2" \
	"$(secs "$(median "${times[@]}")")" "$(for t in "${times[@]}"; do secs "$t"; printf ' '; done)"
# (make builds the tender too; older trees needed it named.)
bench_make_logged O="$hvt" -j2 "$hvt/host/bin/kiln-hvt" || fail "building kiln-hvt failed"

times=()
for i in 1 2 3 4 5; do
	t=$(timed bench_make_logged O="$hvt") || fail "a no-op make failed"
	times+=("$t")
done
printf '%-44s %8s s   (median of 5)\n' "no-op make" "$(secs "$(median "${times[@]}")")"

times=()
for i in 1 2 3 4 5; do
	touch "$top/package/hello/hello.c"
	t=$(timed bench_make_logged O="$hvt") || fail "make after touching hello.c failed"
	times+=("$t")
done
printf '%-44s %8s s   (median of 5)\n' "make after touching hello.c" "$(secs "$(median "${times[@]}")")"

# --- size -------------------------------------------------------------------
img=$hvt/images/hello.hvt
strip -o "$work/hello.hvt.stripped" "$img" || fail "strip $img failed"
printf '%-44s %8s bytes\n' "hello.hvt as built (with -g)" "$(stat -c %s "$img")"
printf '%-44s %8s bytes\n' "hello.hvt stripped" "$(stat -c %s "$work/hello.hvt.stripped")"
echo "sections of hello.hvt (size -A, stripped):"
size -A "$work/hello.hvt.stripped" | sed -n '/^section/,/^Total/p' | sed 's/^/  /'

# --- boot to exit -------------------------------------------------------------
rm -rf "$spt"
bench_make_logged O="$spt" spt_defconfig && bench_make_logged O="$spt" -j2 all "$spt/host/bin/kiln-spt" ||
	fail "the build of spt_defconfig failed"

# boot_bench LABEL CMD...: median, min and max wall time of CMD (output
# discarded) over $boots runs; a run that fails is reported. With hyperfine
# (scripts/setup installs it) the command is started without a shell, after
# 3 warm-up runs: a fork of this bash costs more than spt's whole boot.
boot_bench() {
	local label=$1
	shift
	if command -v hyperfine >/dev/null; then
		local json=$work/hyperfine.json
		if ! hyperfine -N -w 3 -r "$boots" --export-json "$json" -- "$*" >/dev/null 2>&1; then
			printf '%-44s failed: %s\n' "$label" "$*"
			return 0
		fi
		python3 - "$json" "$label" "$boots" <<-'PY'
		import json, sys
		r = json.load(open(sys.argv[1]))["results"][0]
		print("%-44s %8.2f ms  (median of %s; min %.2f, max %.2f; hyperfine)"
		      % (sys.argv[2], r["median"] * 1e3, sys.argv[3], r["min"] * 1e3, r["max"] * 1e3))
		PY
		return 0
	fi
	local times=() t i
	for i in $(seq "$boots"); do
		t=$(timed quietly "$@") || true
		if [ -z "$t" ]; then
			printf '%-44s failed: %s\n' "$label" "$*"
			return 0
		fi
		times+=("$t")
	done
	local sorted
	sorted=$(printf '%s\n' "${times[@]}" | sort -n)
	printf '%-44s %8s ms  (median of %d; min %s, max %s)\n' "$label" \
		"$(msecs "$(median "${times[@]}")")" "$boots" \
		"$(msecs "$(head -n 1 <<<"$sorted")")" "$(msecs "$(tail -n 1 <<<"$sorted")")"
}

kvm=$("$top/scripts/kvm-probe")
echo "boot to exit (KVM: $kvm):"
if [ "${kvm%%:*}" = none ]; then
	echo "  hvt skipped: $kvm"
else
	boot_bench "  kiln-hvt hello.hvt" "$hvt/host/bin/kiln-hvt" --mem=32 "$hvt/images/hello.hvt"
fi
boot_bench "  kiln-spt hello.spt" "$spt/host/bin/kiln-spt" --mem=32 "$spt/images/hello.spt"

if [ -z "${SOLO5_DIR:-}" ]; then
	echo "  Solo5 comparison skipped: set SOLO5_DIR=<a built Solo5 tree> (tenders/, tests/test_hello/)"
	exit 0
fi
s5hvt=$SOLO5_DIR/tenders/hvt/solo5-hvt
s5spt=$SOLO5_DIR/tenders/spt/solo5-spt
s5img=$SOLO5_DIR/tests/test_hello/test_hello
if [ "${kvm%%:*}" != none ] && [ -x "$s5hvt" ] && [ -f "$s5img.hvt" ]; then
	boot_bench "  solo5-hvt test_hello.hvt (Solo5)" "$s5hvt" --mem=32 "$s5img.hvt"
	boot_bench "  kiln-hvt test_hello.hvt (Solo5's image)" "$hvt/host/bin/kiln-hvt" --mem=32 "$s5img.hvt"
	boot_bench "  solo5-hvt hello.hvt (Kiln's image)" "$s5hvt" --mem=32 "$hvt/images/hello.hvt"
else
	echo "  Solo5 hvt skipped: no KVM, or no $s5hvt / $s5img.hvt"
fi
if [ -x "$s5spt" ] && [ -f "$s5img.spt" ]; then
	boot_bench "  solo5-spt test_hello.spt (Solo5)" "$s5spt" --mem=32 "$s5img.spt"
	boot_bench "  kiln-spt test_hello.spt (Solo5's image)" "$spt/host/bin/kiln-spt" --mem=32 "$s5img.spt"
	boot_bench "  solo5-spt hello.spt (Kiln's image)" "$s5spt" --mem=32 "$spt/images/hello.spt"
else
	echo "  Solo5 spt skipped: no $s5spt / $s5img.spt"
fi
