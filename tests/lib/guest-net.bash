# A network namespace of each test's own, with the tap tap0 a guest's net
# device attaches to (tests/echo.bats, tests/httpd.bats). For an hvt test
# whose guests run in the VM of tests/lib/common.bash, the namespace is
# made in that VM. The suite sets HOST_ADDR (this side's address on tap0).

# side CMD...: run CMD on the machine whose network this test's guest is
# on: here, or for an hvt test whose guests run in the VM, in the VM.
side() {
	if [ "$SIDE" = vm ]; then kiln_on_kvm "$@"; else "$@"; fi
}

# in_ns CMD...: run CMD in this test's namespace.
in_ns() {
	side ip netns exec "$NS" "$@"
}

# guest_net_setup NAME: for a setup(): the namespace kiln-NAME-<pid>-<test>
# with tap0 in it, up, HOST_ADDR/24 on it; or skip saying why it cannot be.
# Sets NS and SIDE, clears GUEST_PID (guest_net_teardown stops that one).
guest_net_setup() {
	NS=
	GUEST_PID=
	SIDE=here
	[ -z "${SUITE_SKIP:-}" ] || skip "$SUITE_SKIP"
	case $BATS_TEST_DESCRIPTION in
	hvt:*)
		kiln_require_hvt
		if kiln_hvt_in_vm; then SIDE=vm; fi
		;;
	esac
	[ "$(id -u)" -eq 0 ] || skip "network namespaces and tap devices need root (run the suite as root)"
	side test -c /dev/net/tun || skip "no /dev/net/tun (modprobe tun)"
	kiln_require_cmd ip iproute2
	local name=kiln-$1-$$-$BATS_TEST_NUMBER err
	err=$(side ip netns add "$name" 2>&1) || skip "cannot create a network namespace ($name): $err"
	NS=$name
	in_ns ip link set dev lo up
	# Quiet: no IPv6 chatter on the tap (the guests speak IPv4 only).
	in_ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 >/dev/null 2>&1 || true
	in_ns sysctl -qw net.ipv6.conf.default.disable_ipv6=1 >/dev/null 2>&1 || true
	in_ns ip tuntap add dev tap0 mode tap
	in_ns ip addr add "$HOST_ADDR/24" dev tap0
	in_ns ip link set dev tap0 up
}

# guest_net_teardown: for a teardown(): every process left in the
# namespace (the guest, a DHCP server), by its id, the guest started here,
# then the namespace with its tap.
guest_net_teardown() {
	[ -n "$NS" ] || return 0
	local pid
	for pid in $(side ip netns pids "$NS" 2>/dev/null); do
		side kill "$pid" 2>/dev/null || true
	done
	if [ -n "$GUEST_PID" ]; then
		kill "$GUEST_PID" 2>/dev/null || true
		wait "$GUEST_PID" 2>/dev/null || true
	fi
	side ip netns del "$NS" 2>/dev/null || true
}
