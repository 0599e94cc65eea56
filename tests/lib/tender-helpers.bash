# Helpers for tests/tender.bats: find or build kiln-hvt and kiln-spt, craft images.

# Sets KILN_HVT and KILN_SPT. From $KILN_HOST_BIN when set (the build's tenders);
# else from output/host/bin when both are there; else builds them into the file
# temp dir from the source lists in boot/*/tender.mk, so the suite runs before
# (and without) the top-level Makefile.
tender_find_or_build() {
	local bin=${KILN_HOST_BIN:-}
	if [ -z "$bin" ] && [ -x "$KILN_ROOT/output/host/bin/kiln-hvt" ] &&
		[ -x "$KILN_ROOT/output/host/bin/kiln-spt" ]; then
		bin=$KILN_ROOT/output/host/bin
	fi
	if [ -n "$bin" ]; then
		export KILN_HVT="$bin/kiln-hvt" KILN_SPT="$bin/kiln-spt"
		[ -x "$KILN_HVT" ] || { echo "no executable $KILN_HVT (KILN_HOST_BIN=$bin)" >&2; return 1; }
		[ -x "$KILN_SPT" ] || { echo "no executable $KILN_SPT (KILN_HOST_BIN=$bin)" >&2; return 1; }
		return 0
	fi
	export KILN_HVT="$BATS_FILE_TMPDIR/kiln-hvt" KILN_SPT="$BATS_FILE_TMPDIR/kiln-spt"
	local common hvt spt flags="-std=gnu11 -O2 -g -Wall -Wextra -Werror -DKILN_HOST"
	flags+=" -I$KILN_ROOT/boot/include -I$KILN_ROOT/boot/tender"
	common=$(mk_list "$KILN_ROOT/boot/tender/tender.mk" KILN_TENDER_COMMON_SOURCES "$KILN_ROOT/boot/tender") || return 1
	hvt=$(mk_list "$KILN_ROOT/boot/hvt/tender/tender.mk" KILN_HVT_SOURCES "$KILN_ROOT/boot/hvt/tender") || return 1
	spt=$(mk_list "$KILN_ROOT/boot/spt/tender/tender.mk" KILN_SPT_SOURCES "$KILN_ROOT/boot/spt/tender") || return 1
	# shellcheck disable=SC2086 # word lists on purpose
	gcc $flags -o "$KILN_HVT" $hvt $common -lseccomp || return 1
	# shellcheck disable=SC2086
	gcc $flags -fPIE -pie -o "$KILN_SPT" $spt $common -lseccomp
}

# mk_list <fragment> <variable> <dir>: the fragment's list, each file prefixed with dir/.
mk_list() {
	local names n
	# shellcheck disable=SC2016
	names=$(printf 'print:\n\t@echo $(%s)\n' "$2" |
		env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s --no-print-directory -f "$1" -f - print) || return 1
	[ -n "$names" ] || { echo "no $2 in $1" >&2; return 1; }
	for n in $names; do printf '%s/%s ' "$3" "$n"; done
}

# craft <target> <variant> [mkelf options]: writes $IMG (a fresh file in the test's temp dir).
craft() {
	local target=$1 variant=$2
	shift 2
	IMG="$BATS_TEST_TMPDIR/$target-$variant.img"
	python3 "$KILN_ROOT/tests/lib/mkelf.py" "$IMG" --target "$target" --variant "$variant" "$@"
}

# tender <hvt|spt> args...: the tender for that target.
tender() {
	local t=$1
	shift
	if [ "$t" = hvt ]; then "$KILN_HVT" "$@"; else "$KILN_SPT" "$@"; fi
}

need_kvm() {
	[ -c /dev/kvm ] || skip "no /dev/kvm: this test runs a guest under KVM"
	(exec 3<>/dev/kvm) 2>/dev/null || skip "/dev/kvm cannot be opened read-write by $(id -un)"
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
