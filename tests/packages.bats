#!/usr/bin/env bats
# Kiln's first real packages (libm, lua, cjson, lz4) and their example
# applications, built from upstream archives served by a local mirror.
#
# The mirror comes from Debian's source archive (tests/mirror/build-mirror,
# cached in $KILN_MIRROR_CACHE or ~/.cache/kiln/mirror) and is served by
# tests/lib/httpd.py on 127.0.0.1; the builds may use nothing else
# (KILN_PRIMARY_SITE_ONLY=y), so the real download path, the hashes and the
# extraction are exercised. Every application runs on spt, on hvt (where
# this machine's KVM will not do, make run boots a VM with a KVM of its own)
# and on the virtio platform under QEMU's pc machine and, on aarch64, its
# virt board.

load lib/common
load lib/dl-helpers

setup_file() {
	export KILN_ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	export MIRROR_CACHE="${KILN_MIRROR_CACHE:-${HOME:-/root}/.cache/kiln/mirror}"
	kiln_mirror_start || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0
	# One download cache for the whole file: each archive is fetched once.
	export KILN_DL_DIR="$BATS_FILE_TMPDIR/dl"
	export OUT_BASE="${KILN_TEST_TMP:-$BATS_FILE_TMPDIR}/packages"
}

teardown_file() {
	httpd_stop
}

setup() {
	# The test of build-mirror's own unreachable case needs no mirror.
	case $BATS_TEST_DESCRIPTION in
	"build-mirror: an unreachable source archive"*) ;;
	*) [ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP" ;;
	esac
}

# kmake <output dir> <make arguments>: make in Kiln's tree, offline but for
# the mirror, without the flags of a calling `make check`.
kmake() {
	local o=$1
	shift
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
		make -C "$KILN_ROOT" -j"$(nproc)" O="$o" KILN_PRIMARY_SITE_ONLY=y "$@"
}

# build_app <platform> <app> [defconfig]: configure (the named defconfig, or
# one written here, with the lines of $APP_CONFIG if set) and build into
# $OUT_BASE/<platform>-<app>$APP_DIR_SUFFIX; sets O.
build_app() {
	local platform=$1 app=$2 defconfig=${3:-}
	O="$OUT_BASE/$platform-$app${APP_DIR_SUFFIX:-}"
	if [ -n "$defconfig" ]; then
		kmake "$O" "$defconfig" >/dev/null
	else
		local sym
		sym=$(echo "$app" | tr 'a-z-' 'A-Z_')
		mkdir -p "$O"
		printf 'KILN_PLATFORM_%s=y\nKILN_APP_%s=y\n%s\n' "$(echo "$platform" | tr a-z A-Z)" "$sym" \
			"${APP_CONFIG:-}" >"$O/test_defconfig"
		kmake "$O" defconfig DEFCONFIG="$O/test_defconfig" >/dev/null
	fi
	# The image, and what make run needs (the tender), so that `make run`
	# prints only the guest.
	kmake "$O" all >"$O/build.log" 2>&1 ||
		{ cat "$O/build.log"; return 1; }
	[ -x "$O/images/$app.$platform" ]
}

# run_app [ARGS...]: `make run` in $O, with the arguments (if any) as the
# application's command line; bats' run sets status and output. On hvt
# where this machine's KVM will not do, make run itself boots a VM with a
# KVM of its own (scripts/kvm-in-qemu auto), as it does for a user.
run_app() {
	if [ $# -gt 0 ]; then
		run timeout 300 env -u MAKEFLAGS -u MAKELEVEL make -s -C "$KILN_ROOT" O="$O" run ARGS="$*"
	else
		run timeout 300 env -u MAKEFLAGS -u MAKELEVEL make -s -C "$KILN_ROOT" O="$O" run
	fi
}

# The guest's output without the tender's own lines (kiln-spt:/kiln-hvt:),
# kvm-in-qemu's notice that it runs hvt in a VM and kiln-qemu's saying
# whether QEMU runs under KVM or TCG.
guest_output() {
	grep -v -e '^kiln-\(spt\|hvt\|qemu\)' -e '^kvm-in-qemu: ' <<<"$output" || true
}

# require_hvt_run: make run on hvt works here: on a hardware KVM, or
# through the VM make run boots itself, which needs QEMU (the shared test
# VM of kiln_require_hvt would go unused).
require_hvt_run() {
	kiln_hvt_in_vm || return 0
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
}

LUA_EXPECTED='Lua 5.4 on Kiln
arguments: 2 (hello kiln)
20! = 2432902008176640000
maxinteger = 9223372036854775807, wraps to -9223372036854775808
pi = 3.1415926536, e = 2.718282e+00, 1/3 = 0.333333, tostring(0.1) = 0.1
sqrt(2) = 1.4142135623731, sin(pi/6) = 0.5, log(1000, 10) = 3
primes below 10000: 1229, the last is 9973
sorted: dog fox the the lazy over brown jumps quick
gsub: <Hello>, <Kiln>!
fibonacci: 0 1 1 2 3 5 8 13 21 34 55 89 144 233 377
caught: script.lua:92: attempt to index a nil value (local '"'"'t'"'"')
garbage collected: yes
io.write works
lua-script: all checks passed'

CJSON_EXPECTED='cJSON 1.7.15 parsed 495 bytes
name: kiln
greeting: café ☕ "quoted"	tab
platforms: 3
  hvt     tender kiln-hvt  devices: console clock block net
  spt     tender kiln-spt  devices: console clock block net
  virtio  tender (none)    devices: serial virtio-net virtio-blk
  boot hvt         7.250 ms
  boot spt         0.500 ms
  boot qemu_tcg   53.000 ms
  total 60.75 ms, ratio 0.0015
pointer /platforms/1/tender: kiln-spt
compact (465 bytes):
{"name":"kiln","version":[0,2,0],"platforms":[{"name":"hvt","tender":"kiln-hvt","devices":["console","clock","block","net"]},{"name":"spt","tender":"kiln-spt","devices":["console","clock","block","net"]},{"name":"virtio","tender":null,"devices":["serial","virtio-net","virtio-blk"]}],"boot_ms":{"hvt":7.25,"spt":0.5,"qemu_tcg":53},"ratio":0.0015,"greeting":"café ☕ \"quoted\"\ttab","answer":42,"third":0.33333333333333331,"packages":["lua","cjson","lz4","libm"]}
formatted boot_ms:
{
	"hvt":	7.25,
	"spt":	0.5,
	"qemu_tcg":	53
}
malformed: error at offset 12: ", 3]}"
cjson-demo: all checks passed'

LZ4_EXPECTED_1MIB='lz4 1.9.4
block:       1048576 ->  309333 bytes (295 permille)
block:       truncated input rejected (-1)
block HC  9: 1048576 ->  224015 bytes (214 permille)
frame:       1048576 ->  309712 bytes (295 permille), with checksums
frame:       corrupted input rejected (ERROR_blockChecksum_invalid)
lz4-demo: all checks passed'

LZ4_EXPECTED_4KIB='lz4 1.9.4
block:          4096 ->    1457 bytes (356 permille)
block:       truncated input rejected (-1)
block HC  9:    4096 ->    1232 bytes (301 permille)
frame:          4096 ->    1488 bytes (363 permille), with checksums
frame:       corrupted input rejected (ERROR_blockChecksum_invalid)
lz4-demo: all checks passed'

@test "build-mirror: every archive is there under its upstream name, with the hash its package records" {
	local pkg file want
	for pkg in lua cjson lz4 libm; do
		while read -r algo want file; do
			[ "$algo" = sha256 ] || continue
			case $file in *.tar.*) ;; *) continue ;; esac
			echo "$pkg: $file"
			[ -f "$MIRROR/$file" ]
			[ "$(sha256_of "$MIRROR/$file")" = "$want" ]
		done < <(grep -v '^#' "$KILN_ROOT/package/$pkg/$pkg.hash")
	done
	# The archives the next packages (mbedtls, lwip) will use.
	[ -f "$MIRROR/mbedtls-2.28.3-debian.tar.gz" ]
	[ -f "$MIRROR/lwip-2.1.3+dfsg1.tar.xz" ]
}

@test "build-mirror: a second run finds everything in place and does not call apt" {
	run "$KILN_ROOT/tests/mirror/build-mirror" -c "$MIRROR_CACHE"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$MIRROR" ]
}

@test "build-mirror: an archive whose hash differs from its package's is refused, both hashes named" {
	# A copy of the script in a tree whose lz4.hash records a wrong hash.
	local tree="$BATS_TEST_TMPDIR/tree" wrong
	wrong=$(printf '0%.0s' $(seq 64))
	mkdir -p "$tree/tests/mirror" "$tree/package/lz4"
	cp "$KILN_ROOT/tests/mirror/build-mirror" "$tree/tests/mirror/"
	printf 'sha256  %s  lz4-1.9.4.tar.gz\n' "$wrong" >"$tree/package/lz4/lz4.hash"
	run "$tree/tests/mirror/build-mirror" -c "$MIRROR_CACHE" -o "$BATS_TEST_TMPDIR/m" lz4
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"hash mismatch for lz4-1.9.4.tar.gz"* ]]
	[[ "$output" == *"$wrong"* ]]
	[[ "$output" == *"$(sha256_of "$MIRROR/lz4-1.9.4.tar.gz")"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/m/lz4-1.9.4.tar.gz" ]
}

@test "build-mirror: an unreachable source archive exits 2 (the status tests skip on)" {
	# apt configured (APT_CONFIG) with a single source that refuses connections.
	local d="$BATS_TEST_TMPDIR/apt"
	mkdir -p "$d/parts"
	printf 'Types: deb\nURIs: http://127.0.0.1:%s/debian\nSuites: bookworm\nComponents: main\n' \
		"$(refused_port)" >"$d/parts/refused.sources"
	printf 'Dir::Etc::sourceparts "%s/parts";\nDir::Etc::sourcelist "%s/none.list";\n' "$d" "$d" \
		>"$d/apt.conf"
	APT_CONFIG="$d/apt.conf" run "$KILN_ROOT/tests/mirror/build-mirror" -c "$d/cache" lz4
	echo "$output"
	[ "$status" -eq 2 ]
	[[ "$output" == *"Debian's source archive is unreachable"* ]]
	grep -q '^Types: deb-src$' "$d/cache/apt/sources/refused.sources"
}

@test "spt: lua-script, from spt_lua_defconfig, runs its script with the command line as arg" {
	build_app spt lua-script spt_lua_defconfig
	# Both archives came from the mirror.
	grep -q '^GET /lua-5.4.4.tar.gz .*status=200' "$HTTPD_LOG"
	grep -q '^GET /musl-1.2.3.tar.gz .*status=200' "$HTTPD_LOG"
	run_app hello kiln
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$LUA_EXPECTED" ]
}

@test "spt: cjson-demo parses, edits and prints its document" {
	build_app spt cjson-demo
	grep -q '^GET /cjson-1.7.15.tar.gz .*status=200' "$HTTPD_LOG"
	run_app
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$CJSON_EXPECTED" ]
}

@test "spt: lz4-demo compresses and restores 1 MiB in three formats" {
	build_app spt lz4-demo
	grep -q '^GET /lz4-1.9.4.tar.gz .*status=200' "$HTTPD_LOG"
	run_app
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$LZ4_EXPECTED_1MIB" ]
}

@test "spt: lz4-demo refuses a bad size argument and exits 1" {
	O="$OUT_BASE/spt-lz4-demo"
	[ -x "$O/images/lz4-demo.spt" ] || build_app spt lz4-demo
	# The tender itself, to see the guest's exit status (make would say 2).
	run timeout 60 "$O/host/bin/kiln-spt" --mem=32 "$O/images/lz4-demo.spt" 4x
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"lz4-demo: '4x' is not an input size"* ]]
}

@test "hvt: lz4-demo (integer code only) restores its buffer" {
	require_hvt_run
	build_app hvt lz4-demo
	run_app
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$LZ4_EXPECTED_1MIB" ]
	# The input size from the command line.
	run_app 4
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$LZ4_EXPECTED_4KIB" ]
}

@test "hvt: lua-script from hvt_lua_defconfig builds and runs" {
	# Building needs no KVM.
	build_app hvt lua-script hvt_lua_defconfig
	grep -q '^KILN_PACKAGE_LIBM=y' "$O/.config"
	require_hvt_run
	run_app hello kiln
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$LUA_EXPECTED" ]
}

@test "hvt: cjson-demo runs" {
	require_hvt_run
	build_app hvt cjson-demo
	run_app
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$CJSON_EXPECTED" ]
}

# virtio_app APP EXPECTED [ARGS...]: APP built for the virtio platform
# (QEMU's pc machine) boots through make run and prints EXPECTED.
virtio_app() {
	local app=$1 expected=$2
	shift 2
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	build_app virtio "$app"
	run_app "$@"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$expected" ]
}

@test "virtio (QEMU pc): lua-script runs its script with the command line as arg" {
	virtio_app lua-script "$LUA_EXPECTED" hello kiln
}

@test "virtio (QEMU pc): cjson-demo runs" {
	virtio_app cjson-demo "$CJSON_EXPECTED"
}

@test "virtio (QEMU pc): lz4-demo restores its buffer" {
	virtio_app lz4-demo "$LZ4_EXPECTED_1MIB"
}

# virt_app APP EXPECTED [ARGS...]: APP built for the virtio platform on
# aarch64 (QEMU's virt board, TCG) boots through make run and prints
# EXPECTED.
virt_app() {
	local app=$1 expected=$2
	shift 2
	kiln_require_cmd qemu-system-aarch64 qemu-system-arm
	APP_CONFIG=$'KILN_ARCH_AARCH64=y\nKILN_VIRTIO_QEMU_VIRT=y' APP_DIR_SUFFIX=-aarch64 build_app virtio "$app"
	grep -qx 'KILN_ARCH="aarch64"' "$O/.config"
	run_app "$@"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(guest_output)" = "$expected" ]
}

@test "virtio on aarch64 (QEMU virt): lua-script runs its script with the command line as arg" {
	virt_app lua-script "$LUA_EXPECTED" hello kiln
}

@test "virtio on aarch64 (QEMU virt): cjson-demo runs" {
	virt_app cjson-demo "$CJSON_EXPECTED"
}

@test "virtio on aarch64 (QEMU virt): lz4-demo restores its buffer" {
	virt_app lz4-demo "$LZ4_EXPECTED_1MIB"
}
