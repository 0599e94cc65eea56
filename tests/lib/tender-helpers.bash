# Helpers for tests/tender.bats (after lib/common): build kiln-hvt and kiln-spt,
# craft images.

# tender_build: sets KILN_HVT and KILN_SPT to tenders built by make from
# this tree's sources, in the suite's own output folder (never output/, whose
# tenders may be older than the sources). KILN_HOST_BIN=<dir> tests the
# tenders in <dir> instead. For setup_file; log in $KILN_SUITE_TMP/tenders.log.
tender_build() {
	if [ -n "${KILN_HOST_BIN:-}" ]; then
		export KILN_HVT="$KILN_HOST_BIN/kiln-hvt" KILN_SPT="$KILN_HOST_BIN/kiln-spt"
		[ -x "$KILN_HVT" ] || { echo "no executable $KILN_HVT (KILN_HOST_BIN=$KILN_HOST_BIN)" >&2; return 1; }
		[ -x "$KILN_SPT" ] || { echo "no executable $KILN_SPT (KILN_HOST_BIN=$KILN_HOST_BIN)" >&2; return 1; }
		return 0
	fi
	local out=$KILN_SUITE_TMP/tenders
	export KILN_HVT="$out/host/bin/kiln-hvt" KILN_SPT="$out/host/bin/kiln-spt"
	rm -rf "$out" "$out.log"
	# The tenders are host programs: any configuration builds them.
	kiln_make_logged "$out.log" "$out" spt_defconfig >&2 &&
		kiln_make_logged "$out.log" "$out" -j2 "$KILN_HVT" "$KILN_SPT" >&2
}

# craft <target> <variant> [mkelf options]: writes $IMG (a fresh file in the test's temp dir).
craft() {
	local target=$1 variant=$2
	shift 2
	IMG="$BATS_TEST_TMPDIR/$target-$variant.img"
	python3 "$KILN_TOP/tests/lib/mkelf.py" "$IMG" --target "$target" --variant "$variant" "$@"
}

# tender <hvt|spt> args...: the tender for that target.
tender() {
	local t=$1
	shift
	if [ "$t" = hvt ]; then "$KILN_HVT" "$@"; else "$KILN_SPT" "$@"; fi
}

# refuses <target> <variant> <expected message part> [tender options]: the tender exits 1
# with one line "kiln-<target>: <image>: ...message..." and never runs the guest.
# shellcheck disable=SC2154 # output, status and lines are set by bats' run
refuses() {
	local t=$1 v=$2 msg=$3
	shift 3
	craft "$t" "$v"
	run tender "$t" "$@" "$IMG"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "kiln-$t: $IMG: "*"$msg"* ]]
	[[ "$output" != *kiln-ok* ]]
}

# triple_fault_at RIP: $output is kiln-hvt's report of a triple fault at
# RIP, or, on a CPU that resets its registers on one (AMD SVM: KVM then
# shows rip 0xfff0), the report that says where is not known. Nothing of
# the guest ran past the fault.
triple_fault_at() {
	case $output in
	"kiln-hvt: guest fault: triple fault at rip $1 "*) ;;
	"kiln-hvt: guest fault: triple fault: the guest took an exception it could not handle (no IDT yet?); this CPU reset its registers, so where is not known"*)
		grep -qw svm /proc/cpuinfo || kiln_hvt_in_vm || {
			echo "registers reset on a CPU without SVM: $output"
			return 1
		}
		;;
	*)
		echo "want a triple fault at rip $1; got: $output"
		return 1
		;;
	esac
	[[ $output != *kiln-ok* ]]
}
