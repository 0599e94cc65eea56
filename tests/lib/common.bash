# tests/lib/common.bash: what every Kiln suite shares. Load it first thing
# in a .bats file:
#
#   load lib/common
#
# It sets
#   KILN_TOP          the Kiln tree under test
#   KILN_TEST_TMP     where tests write (tests/run makes one per run)
#   KILN_SUITE_TMP    this suite's own folder in it: output folders (O=),
#                     logs, scratch files; never anything in the tree
#   KILN_BOOT_TESTS   the external tree of test applications
# and gives helpers to run make, build a configuration once per suite,
# boot images, and skip with a reason.

KILN_TOP=${KILN_TOP:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
KILN_TEST_TMP=${KILN_TEST_TMP:-${BATS_RUN_TMPDIR:-${TMPDIR:-/tmp}}/kiln-tests}
KILN_SUITE=$(basename "$BATS_TEST_FILENAME" .bats)
KILN_SUITE_TMP=$KILN_TEST_TMP/$KILN_SUITE
KILN_BOOT_TESTS=$KILN_TOP/tests/fixtures/boot-tests
KILN_KVM_PROBE=$KILN_TOP/scripts/kvm-probe
# Test builds keep their downloads out of the tree's dl/ (hvt_defconfig and
# spt_defconfig download nothing; suites that do set their own cache).
KILN_DL_DIR=${KILN_DL_DIR:-$KILN_TEST_TMP/dl}
export KILN_TOP KILN_TEST_TMP KILN_SUITE_TMP KILN_BOOT_TESTS KILN_DL_DIR
mkdir -p "$KILN_SUITE_TMP"

# How long a unikernel may run before a test gives up on it (a hung guest
# must fail the test, not hang the suite).
KILN_BOOT_TIMEOUT=${KILN_BOOT_TIMEOUT:-60}
# The memory test images get (MiB): small, so that an access at 1 GiB is
# outside it.
KILN_TEST_MEM=32

# --- make ---------------------------------------------------------------

# kiln_make O ARGS...: make in the Kiln tree with output folder O.
# Unsets what a calling make or the user's shell could leak into it.
KILN_MAKE=(env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS -u V make --no-print-directory -C "$KILN_TOP")
kiln_make() {
	local out=$1
	shift
	"${KILN_MAKE[@]}" O="$out" "$@"
}

# kiln_make_run O ARGS...: `make run` in O, where the configured
# platform's guests run.
kiln_make_run() {
	local out=$1
	shift
	kiln_on_platform_of "$out" "${KILN_MAKE[@]}" O="$out" run "$@"
}

# kiln_make_logged LOG O ARGS...: the same, all output appended to LOG.
# On failure, shows the end of LOG (bats prints it for failing tests).
kiln_make_logged() {
	local log=$1
	shift
	echo "\$ make O=$1 ${*:2}" >>"$log"
	if ! kiln_make "$@" >>"$log" 2>&1; then
		echo "make O=$1 ${*:2} failed; the end of $log:"
		tail -n 30 "$log"
		return 1
	fi
}

# assert_same_image A B: A and B are the same bytes; on a difference, which
# sections differ.
assert_same_image() {
	cmp "$1" "$2" && return 0
	echo "$1 and $2 differ; sections whose bytes differ:"
	local s
	for s in $(readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p'); do
		cmp -s <(objcopy --dump-section "$s"=/dev/stdout "$1" /dev/null 2>/dev/null) \
			<(objcopy --dump-section "$s"=/dev/stdout "$2" /dev/null 2>/dev/null) || echo "  $s"
	done
	return 1
}

# kiln_platform_lines TARGET: the .config lines that choose TARGET, one of
# spt, hvt, pc, microvm (the names kiln_launcher uses).
kiln_platform_lines() {
	case $1 in
	spt) echo KILN_PLATFORM_SPT=y ;;
	hvt) echo KILN_PLATFORM_HVT=y ;;
	pc) printf 'KILN_PLATFORM_VIRTIO=y\nKILN_VIRTIO_QEMU_PC=y\n' ;;
	microvm) printf 'KILN_PLATFORM_VIRTIO=y\nKILN_VIRTIO_QEMU_MICROVM=y\n' ;;
	*) echo "kiln_platform_lines: no platform called '$1' (spt, hvt, pc, microvm)" >&2; return 1 ;;
	esac
}

# kiln_build_boot_test O TARGET LINE...: a fresh O configured for TARGET
# (kiln_platform_lines) with the .config LINEs (the boot-tests application,
# say) and the boot-tests tree, and built; the log is O.log. For
# setup_file: a failed build leaves no image, which each test reports
# with the log (assert_file), so it does not fail here.
kiln_build_boot_test() {
	local out=$1 target=$2
	shift 2
	rm -rf "$out" "$out.log"
	{ kiln_platform_lines "$target" && printf '%s\n' "$@"; } >"$out.defconfig" || return 1
	kiln_make_logged "$out.log" "$out" KILN_EXTERNAL="$KILN_BOOT_TESTS" \
		defconfig DEFCONFIG="$out.defconfig" >&3 &&
		kiln_make_logged "$out.log" "$out" -j2 all >&3 || true
}

# kiln_build O DEFCONFIG [MAKE ARGS...]: a fresh O configured with DEFCONFIG
# (a name: hvt_defconfig) and built; the log is O.log beside O.
kiln_build() {
	local out=$1 defconfig=$2
	shift 2
	rm -rf "$out" "$out.log"
	kiln_make_logged "$out.log" "$out" "$@" "$defconfig" &&
		kiln_make_logged "$out.log" "$out" "$@" -j2
}

# kiln_load_config O FILE: load a defconfig-format FILE into O.
kiln_load_config() {
	kiln_make "$1" defconfig DEFCONFIG="$2"
}

# --- assertions ---------------------------------------------------------
# (bats 1.8 has no bats-assert here; these print what they saw on failure.)

# assert_status N: $status (from `run`) is N.
assert_status() {
	if [ "$status" -ne "$1" ]; then
		echo "expected exit status $1, got $status; output:"
		printf '%s\n' "$output"
		return 1
	fi
}

# assert_output_has TEXT: $output contains TEXT (a fixed string).
assert_output_has() {
	if ! grep -qF -- "$1" <<<"$output"; then
		echo "expected the output to contain: $1"
		echo "output (status $status):"
		printf '%s\n' "$output"
		return 1
	fi
}

# assert_output_lacks TEXT: $output does not contain TEXT.
assert_output_lacks() {
	if grep -qF -- "$1" <<<"$output"; then
		echo "expected the output not to contain: $1"
		echo "output (status $status):"
		printf '%s\n' "$output"
		return 1
	fi
}

# assert_output_matches ERE: some line of $output matches the regex.
assert_output_matches() {
	if ! grep -qE -- "$1" <<<"$output"; then
		echo "expected a line of the output to match: $1"
		echo "output (status $status):"
		printf '%s\n' "$output"
		return 1
	fi
}

# assert_file FILE: FILE exists (and says which build log to read if not).
assert_file() {
	if [ ! -e "$1" ]; then
		echo "missing: $1"
		local log
		for log in "${@:2}"; do
			[ -f "$log" ] && { echo "the end of $log:"; tail -n 30 "$log"; }
		done
		return 1
	fi
}

# --- skipping -----------------------------------------------------------

# kiln_require_cmd CMD DEBIAN-PACKAGE: skip unless CMD is installed.
kiln_require_cmd() {
	command -v "$1" >/dev/null 2>&1 ||
		skip "$1 is not installed (Debian package $2; sudo ./scripts/setup)"
}

# kiln_kvm_kind: the first word of tests/lib/kvm-probe's answer
# (none, hardware, emulating); kiln_kvm_why: the rest.
kiln_kvm_kind() {
	"$KILN_KVM_PROBE" | sed 's/:.*//'
}
kiln_kvm_why() {
	"$KILN_KVM_PROBE" | sed -n 's/^[a-z]*: //p'
}

# --- the test mirror ------------------------------------------------------

# kiln_mirror_start PACKAGE...: for setup_file (after lib/dl-helpers): the
# upstream archives of PACKAGE... (all, if none) from Debian's source
# archive (tests/mirror/build-mirror, cached in $KILN_MIRROR_CACHE or
# ~/.cache/kiln/mirror), served over HTTP on 127.0.0.1; exports MIRROR and
# KILN_PRIMARY_SITE. Where Debian's source archive is unreachable it exports
# SUITE_SKIP (bats 1.8 cannot skip from setup_file: setup skips each test
# with kiln_skip_without_mirror). Stop the server with httpd_stop.
kiln_mirror_start() {
	local cache=${KILN_MIRROR_CACHE:-${HOME:-/root}/.cache/kiln/mirror} status=0
	MIRROR=$("$KILN_TOP/tests/mirror/build-mirror" -c "$cache" "$@" \
		2>"$BATS_FILE_TMPDIR/mirror.log") || status=$?
	if [ $status -eq 2 ]; then
		export SUITE_SKIP="Debian's source archive is unreachable: no mirror to build from (tests/mirror/build-mirror)"
		return 0
	fi
	[ $status -eq 0 ] || { cat "$BATS_FILE_TMPDIR/mirror.log" >&2; return 1; }
	export MIRROR
	httpd_start "$MIRROR" || return 1
	export KILN_PRIMARY_SITE=$HTTP
}

# kiln_skip_without_mirror: for setup().
kiln_skip_without_mirror() {
	[ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP"
}

# --- hvt: where KVM guests run -------------------------------------------
# hvt guests need a KVM that runs guest code natively. On a hardware KVM
# they run here; anywhere else (no /dev/kvm, or one that emulates guest
# instructions) they run in a Linux guest under QEMU's TCG that has a KVM
# of its own (scripts/kvm-in-qemu): one VM for the whole test run, started
# by the first test that needs it, stopped when tests/run (or, run alone,
# bats) ends. KILN_HVT_IN_VM=1 takes the VM even on a hardware KVM.

KILN_VM=$KILN_TOP/scripts/kvm-in-qemu
KILN_VM_DIR=$KILN_TEST_TMP/kvm-in-qemu

# kiln_hvt_in_vm: true when hvt guests run in the VM.
kiln_hvt_in_vm() {
	[ "${KILN_HVT_IN_VM:-}" = 1 ] || [ "$(kiln_kvm_kind)" != hardware ]
}

# kiln_require_hvt: for setup() (a skip inside `run` does not skip): make
# sure hvt guests can run, starting the VM if they run there. Skips only
# when QEMU is not installed; a VM that does not start fails the test.
kiln_require_hvt() {
	kiln_hvt_in_vm || return 0
	command -v qemu-system-x86_64 >/dev/null 2>&1 ||
		skip "hvt needs a KVM ($(kiln_kvm_why)), and QEMU to make one is not installed (Debian package qemu-system-x86; ./scripts/setup)"
	kiln_vm_start
}

# kiln_vm_start: the run's VM, started once (a failed start is remembered,
# so later tests fail at once with the same reason).
kiln_vm_start() {
	mkdir -p "$KILN_VM_DIR"
	(
		flock 9
		if [ -f "$KILN_VM_DIR/start-failed" ]; then
			cat "$KILN_VM_DIR/start-failed"
			exit 1
		fi
		[ -f "$KILN_VM_DIR/qemu.pid" ] && kill -0 "$(cat "$KILN_VM_DIR/qemu.pid")" 2>/dev/null && exit 0
		# What tests write: under KILN_TEST_TMP (tests/run puts TMPDIR
		# there too); bats run alone writes in its own folder as well.
		local rw=(--rw "$KILN_TEST_TMP")
		case $BATS_RUN_TMPDIR in "$KILN_TEST_TMP"/*) ;; *) rw+=(--rw "$BATS_RUN_TMPDIR") ;; esac
		if ! "$KILN_VM" start --dir "$KILN_VM_DIR" "${rw[@]}" \
			--owner "${KILN_VM_OWNER:-$BATS_ROOT_PID}" >"$KILN_VM_DIR/start.log" 2>&1 3>&-; then
			{ echo "the VM for hvt did not start:"; cat "$KILN_VM_DIR/start.log"; } |
				tee "$KILN_VM_DIR/start-failed"
			exit 1
		fi
	) 9>"$KILN_VM_DIR.lock"
}

# kiln_on_kvm CMD [ARG...]: run CMD where hvt guests run (here, or in the
# VM, with the same working directory and environment); its output and
# status. For commands, not shell functions.
kiln_on_kvm() {
	if kiln_hvt_in_vm; then
		kiln_vm_start || return 125
		"$KILN_VM" exec --dir "$KILN_VM_DIR" -- "$@"
	else
		"$@"
	fi
}

# kiln_on_platform_of O CMD [ARG...]: run CMD where the guests of O's
# configured platform run (hvt: as kiln_on_kvm; the others: here).
kiln_on_platform_of() {
	local out=$1
	shift
	if grep -qx 'KILN_PLATFORM_HVT=y' "$out/.config" 2>/dev/null; then
		kiln_on_kvm "$@"
	else
		"$@"
	fi
}

# --- booting ------------------------------------------------------------

# kiln_tender O PLATFORM: Kiln's tender for PLATFORM built in O.
kiln_tender() {
	echo "$1/host/bin/kiln-$2"
}

# kiln_boot TENDER IMAGE [--tender-option...] [-- ARGS...]: boot IMAGE
# with KILN_TEST_MEM MiB and a time limit; use with `run`. Tender options
# come before the image, application arguments after `--`. An hvt tender
# (kiln-hvt, solo5-hvt) runs where hvt guests run: call kiln_require_hvt
# in setup() first. TENDER may be a command with options of its own
# ("kiln-qemu --machine=pc").
kiln_boot() {
	local -a tender
	read -r -a tender <<<"$1"
	local image=$2
	shift 2
	local opts=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	[ "${1:-}" = -- ] && shift
	local where=()
	case ${tender[0]##*/} in *-hvt) where=(kiln_on_kvm) ;; esac
	"${where[@]}" timeout --kill-after=5 "$KILN_BOOT_TIMEOUT" \
		"${tender[@]}" --mem="$KILN_TEST_MEM" "${opts[@]}" "$image" "$@"
}

# kiln_launcher TARGET O: how images of TARGET boot, given the output
# folder O that built them: the tender for hvt and spt; for the virtio
# platform's QEMU machines (pc, q35, microvm), boot/virtio/kiln-qemu, which
# takes the same options. One line per platform: a new platform is a line
# here (and its own .bats file).
kiln_launcher() {
	case $1 in
	hvt | spt) echo "$2/host/bin/kiln-$1" ;;
	pc | q35 | microvm | virt) echo "$KILN_TOP/boot/virtio/kiln-qemu --machine=$1" ;;
	*)
		echo "kiln_launcher: no launcher for '$1' (tests/lib/common.bash)" >&2
		return 1
		;;
	esac
}

# kiln_launch TARGET O IMAGE [--tender-option...] [-- ARGS...]: boot IMAGE
# the TARGET's way (kiln_launcher), as kiln_boot does; use with `run`.
kiln_launch() {
	local launcher
	launcher=$(kiln_launcher "$1" "$2") || return 1
	shift 2
	kiln_boot "$launcher" "$@"
}

# kiln_solo5_tender hvt|spt: the path of Solo5's tender for a cross-check,
# or nothing. Taken from SOLO5_HVT / SOLO5_SPT, else SOLO5_DIR (a Solo5
# tree built by hand, never part of Kiln).
kiln_solo5_tender() {
	local p=$1 var path=
	case $p in
	hvt) var=${SOLO5_HVT:-} ;;
	spt) var=${SOLO5_SPT:-} ;;
	esac
	if [ -n "$var" ]; then
		path=$var
	elif [ -n "${SOLO5_DIR:-}" ]; then
		path=$SOLO5_DIR/tenders/$p/solo5-$p
	fi
	[ -n "$path" ] && [ -x "$path" ] && echo "$path"
	return 0
}

# kiln_require_solo5 hvt|spt: skip unless Solo5's tender is available;
# sets SOLO5_TENDER.
kiln_require_solo5() {
	SOLO5_TENDER=$(kiln_solo5_tender "$1")
	[ -n "$SOLO5_TENDER" ] ||
		skip "no Solo5 tender for $1: set SOLO5_$(echo "$1" | tr a-z A-Z)=<path of solo5-$1> or SOLO5_DIR=<built Solo5 tree>"
}

# --- a suite's own builds of the boot-tests tree --------------------------

# kiln_build_platforms APP...: for each platform of KILN_PLATFORMS
# (default: hvt spt), the output folder $KILN_SUITE_TMP/<platform>
# configured with its defconfig (virtio: qemu_x86_64_pc_defconfig) and the
# boot-tests tree, and built with what make run needs and APPs (log beside
# it). For a suite's setup_file; a failed build is reported by
# kiln_platform_image.
kiln_build_platforms() {
	local p out defconfig
	for p in ${KILN_PLATFORMS:-hvt spt}; do
		out=$KILN_SUITE_TMP/$p
		case $p in
		virtio) defconfig=qemu_x86_64_pc_defconfig ;;
		*) defconfig=${p}_defconfig ;;
		esac
		rm -rf "$out" "$out.log"
		kiln_make_logged "$out.log" "$out" KILN_EXTERNAL="$KILN_BOOT_TESTS" \
			"$defconfig" >&3 &&
			kiln_make_logged "$out.log" "$out" -j2 all "$@" >&3 || true
	done
}

# kiln_platform_image PLATFORM APP: the image kiln_build_platforms made, or
# fail showing the end of its build log.
kiln_platform_image() {
	local out=$KILN_SUITE_TMP/$1
	assert_file "$out/images/$2.$1" "$out.log" >&2 || return 1
	echo "$out/images/$2.$1"
}

# --- the boot tests' applications ----------------------------------------

KILN_TEST_APPS="test-exit test-abort test-fault test-ssp test-syscall test-fpu test-clock test-tls test-block"

# kiln_build_boot_tests DEFCONFIG O: one of Kiln's defconfigs (hello, on
# some platform) with the boot-tests external tree, built with what make
# run needs and every test application in one make (`make <app>` builds an
# application's image whichever one is configured; they share the runtime
# and the boot shim). hello stays the configured application, for `make
# run`. Logs to O.log.
kiln_build_boot_tests() {
	local defconfig=$1 out=$2
	rm -rf "$out" "$out.log"
	kiln_make_logged "$out.log" "$out" KILN_EXTERNAL="$KILN_BOOT_TESTS" "$defconfig" &&
		kiln_make_logged "$out.log" "$out" -j2 all $KILN_TEST_APPS
}
