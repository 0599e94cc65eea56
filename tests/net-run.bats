#!/usr/bin/env bats
# make net-up, make run, make net-down (scripts/kiln-net, package/pkg-net.mk):
# the README's "Networking" path, httpd reached with curl from the host's
# side of the tap, on spt, on QEMU's pc and microvm machines, and hvt's
# note where it runs inside a VM.
#
# The images are built once, with lwIP from a local mirror of Debian's
# source archive (tests/mirror/build-mirror). Each test runs make in a
# network namespace of its own, where make net-up makes the tap kiln0 with
# the default addresses (host 10.0.0.1/24, unikernel 10.0.0.2): nothing
# leaves the namespace, and the machine's own interfaces are never touched.

load lib/common
load lib/dl-helpers

WWW=$KILN_TOP/package/httpd/www

setup_file() {
	kiln_mirror_start lwip || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0
	local p
	for p in spt_httpd qemu_x86_64_pc_httpd qemu_x86_64_microvm_httpd hvt_httpd; do
		rm -rf "$KILN_SUITE_TMP/$p" "$KILN_SUITE_TMP/$p.log"
		kiln_make_logged "$KILN_SUITE_TMP/$p.log" "$KILN_SUITE_TMP/$p" "${p}_defconfig" >&3 &&
			kiln_make_logged "$KILN_SUITE_TMP/$p.log" "$KILN_SUITE_TMP/$p" KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	done
	# The mirror's server is needed no more (and holds bats' output open).
	httpd_stop
}

teardown_file() {
	httpd_stop
}

# in_ns CMD...: run CMD in this test's namespace.
in_ns() {
	ip netns exec "$NS" "$@"
}

# setup: a namespace of this test's own, only its loopback up. Sets NS.
setup() {
	NS=
	RUN_PID=
	[ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP"
	[ "$(id -u)" -eq 0 ] || skip "network namespaces and tap devices need root (run the suite as root)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun (modprobe tun)"
	kiln_require_cmd ip iproute2
	kiln_require_cmd curl curl
	local name=kiln-netrun-$$-$BATS_TEST_NUMBER err
	err=$(ip netns add "$name" 2>&1) || skip "cannot create a network namespace ($name): $err"
	NS=$name
	in_ns ip link set dev lo up
	in_ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 >/dev/null 2>&1 || true
}

# teardown: make run's process group, then whatever is left in the
# namespace (by id), then the namespace with its tap.
teardown() {
	[ -n "$NS" ] || return 0
	if [ -n "$RUN_PID" ]; then
		kill -TERM -- "-$RUN_PID" 2>/dev/null || true
		wait "$RUN_PID" 2>/dev/null || true
	fi
	local pid
	for pid in $(ip netns pids "$NS" 2>/dev/null); do
		kill "$pid" 2>/dev/null || true
	done
	ip netns del "$NS" 2>/dev/null || true
}

# make_in_ns CONFIG ARGS...: make in CONFIG's output folder, in the namespace.
make_in_ns() {
	local o=$KILN_SUITE_TMP/$1
	shift
	in_ns "${KILN_MAKE[@]}" -s O="$o" "$@"
}

# start_run CONFIG [SECONDS]: make run in the namespace, in the background in
# a process group of its own (console in $RUN_LOG), until httpd serves.
start_run() {
	local config=$1 limit=${2:-$KILN_BOOT_TIMEOUT} platform
	case $config in qemu_*) platform=virtio ;; *) platform=${config%%_*} ;; esac
	assert_file "$KILN_SUITE_TMP/$config/images/httpd.$platform" "$KILN_SUITE_TMP/$config.log" || return 1
	RUN_LOG=$BATS_TEST_TMPDIR/run.log
	setsid ip netns exec "$NS" timeout --kill-after=5 600 "${KILN_MAKE[@]}" -s O="$KILN_SUITE_TMP/$config" run \
		>"$RUN_LOG" 2>&1 3>&- &
	RUN_PID=$!
	local waited=0
	until grep -q "^httpd: serving" "$RUN_LOG"; do
		if ! kill -0 "$RUN_PID" 2>/dev/null || [ "$waited" -ge $((limit * 10)) ]; then
			echo "make run did not get httpd to serve within $limit s; its output:"
			cat "$RUN_LOG"
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}

# curl_index: GET / from the host's side of the tap is index.html, byte
# for byte.
curl_index() {
	in_ns curl -sS -m 20 -o "$BATS_TEST_TMPDIR/index" http://10.0.0.2/ || {
		echo "curl http://10.0.0.2/ failed; make run's output:"
		cat "$RUN_LOG"
		return 1
	}
	cmp "$WWW/index.html" "$BATS_TEST_TMPDIR/index"
}

# ---- spt --------------------------------------------------------------------

@test "spt: make net-up, make run, curl http://10.0.0.2/ is index.html byte for byte" {
	run make_in_ns spt_httpd net-up
	assert_status 0
	assert_output_has "kiln0 is up, this host is 10.0.0.1/24"
	start_run spt_httpd
	grep -q "the unikernel is 10.0.0.2 on kiln0" "$RUN_LOG"
	grep -q "address 10.0.0.2 netmask 255.255.255.0" "$RUN_LOG"
	curl_index
}

@test "make net-up twice is fine; net-status says so; net-down removes the tap, twice too" {
	run make_in_ns spt_httpd net-up
	assert_status 0
	run make_in_ns spt_httpd net-up
	assert_status 0
	assert_output_has "kiln0 is there already"
	# One tap, with exactly the one address.
	run in_ns ip -o -4 addr show dev kiln0
	[ "$(grep -c 'inet ' <<<"$output")" -eq 1 ]
	assert_output_has "10.0.0.1/24"
	run make_in_ns spt_httpd net-status
	assert_status 0
	assert_output_has "kiln0: up, addresses: 10.0.0.1/24"
	# Another host address replaces the first.
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.7.1/24
	assert_status 0
	run in_ns ip -o -4 addr show dev kiln0
	assert_output_has "10.0.7.1/24"
	assert_output_lacks "10.0.0.1/24"
	run make_in_ns spt_httpd net-down
	assert_status 0
	assert_output_has "removed kiln0"
	run in_ns ip link show dev kiln0
	[ "$status" -ne 0 ]
	run make_in_ns spt_httpd net-down
	assert_status 0
	assert_output_has "nothing to remove"
	run make_in_ns spt_httpd net-status
	[ "$status" -ne 0 ]
	assert_output_has "no tap kiln0"
}

@test "make run before make net-up says to run make net-up, and boots nothing" {
	run make_in_ns spt_httpd run
	[ "$status" -ne 0 ]
	assert_output_has "needs the tap kiln0, which does not exist: run make net-up"
	assert_output_lacks "httpd: serving"
	# A tap that is down.
	in_ns ip tuntap add dev kiln0 mode tap
	run make_in_ns spt_httpd run
	[ "$status" -ne 0 ]
	assert_output_has "the tap kiln0 is down"
}

@test "make net-up: a bad tap name or address is refused, saying why, and nothing is made" {
	local bad
	for bad in "KILN_RUN_NET_TAP=this-name-is-far-too-long" "KILN_RUN_NET_TAP=a/b" "KILN_RUN_NET_TAP=a b"; do
		run make_in_ns spt_httpd net-up "$bad"
		[ "$status" -ne 0 ] || { echo "$bad: accepted"; return 1; }
		assert_output_has "not a usable interface name"
	done
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.0.1
	[ "$status" -ne 0 ]
	assert_output_has "expected ADDRESS/PREFIX"
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.0.300/24
	[ "$status" -ne 0 ]
	assert_output_has "is no IPv4 address"
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.0.1/33
	[ "$status" -ne 0 ]
	assert_output_has "prefix '33' out of range"
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.0.0/24
	[ "$status" -ne 0 ]
	assert_output_has "the network's own or broadcast address"
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=127.0.0.5/8
	[ "$status" -ne 0 ]
	assert_output_has "loopback"
	# An address another interface has.
	in_ns ip link add other0 type veth peer name other1
	in_ns ip addr add 10.0.5.1/24 dev other0
	run make_in_ns spt_httpd net-up KILN_RUN_NET_HOST_ADDR=10.0.5.1/24
	[ "$status" -ne 0 ]
	assert_output_has "10.0.5.1 is already an address of other0"
	in_ns ip link del other0
	# An interface of that name that is no tap is neither taken nor removed.
	in_ns ip link add kiln0 type veth peer name kiln0peer
	run make_in_ns spt_httpd net-up
	[ "$status" -ne 0 ]
	assert_output_has "exists and is no tap device"
	run make_in_ns spt_httpd net-down
	[ "$status" -ne 0 ]
	assert_output_has "is no tap device: not removing it"
	in_ns ip link show dev kiln0 >/dev/null
	in_ns ip link del kiln0
	# A guest address outside the host's network: make run refuses.
	run make_in_ns spt_httpd net-up
	assert_status 0
	run make_in_ns spt_httpd run KILN_RUN_NET_GUEST_ADDR=10.9.9.9
	[ "$status" -ne 0 ]
	assert_output_has "is not in the host's network 10.0.0.1/24"
	# Nothing but lo and the one good tap was made.
	run in_ns ip -o link show
	[ "$(wc -l <<<"$output")" -eq 2 ]
}

@test "make net-up and net-down without root say that they need root" {
	kiln_require_cmd setpriv util-linux
	run in_ns setpriv --reuid=65534 --regid=65534 --clear-groups "$KILN_TOP/scripts/kiln-net" up
	assert_status 2
	assert_output_has "needs root (the kernel asks for CAP_NET_ADMIN"
	assert_output_has "sudo make net-up"
	run in_ns ip link show dev kiln0
	[ "$status" -ne 0 ]
	in_ns ip tuntap add dev kiln0 mode tap
	run in_ns setpriv --reuid=65534 --regid=65534 --clear-groups "$KILN_TOP/scripts/kiln-net" down
	assert_status 2
	assert_output_has "needs root"
	in_ns ip link show dev kiln0 >/dev/null
}

@test "make net-up as root for a user: the tap is that user's, who can open it without root" {
	run in_ns env SUDO_USER=nobody "${KILN_MAKE[@]}" -s O="$KILN_SUITE_TMP/spt_httpd" net-up
	assert_status 0
	assert_output_has "owned by nobody"
	[ "$(in_ns cat /sys/class/net/kiln0/owner)" = 65534 ]
}

# ---- QEMU -------------------------------------------------------------------

@test "QEMU pc: make net-up, make run, curl http://10.0.0.2/ is index.html" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	run make_in_ns qemu_x86_64_pc_httpd net-up
	assert_status 0
	start_run qemu_x86_64_pc_httpd 120
	curl_index
}

@test "QEMU microvm: make net-up, make run, curl http://10.0.0.2/ is index.html" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	run make_in_ns qemu_x86_64_microvm_httpd net-up
	assert_status 0
	start_run qemu_x86_64_microvm_httpd 120
	curl_index
}

# ---- hvt --------------------------------------------------------------------

@test "hvt: make run serves; inside the VM (no usable KVM here) it says the host cannot reach it" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	run make_in_ns hvt_httpd net-up
	assert_status 0
	start_run hvt_httpd 300
	# make run takes the VM exactly where scripts/kvm-probe finds no
	# hardware KVM (kvm-in-qemu auto).
	if [ "$(kiln_kvm_kind)" != hardware ]; then
		grep -q "hvt runs inside a VM here" "$RUN_LOG"
		grep -q "NOT reachable from this host" "$RUN_LOG"
	else
		grep -q "the unikernel is 10.0.0.2 on kiln0" "$RUN_LOG"
		curl_index
	fi
}
