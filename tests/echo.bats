#!/usr/bin/env bats
# package/echo on lwIP (package/lwip): ping, UDP echo and TCP echo on port 7,
# end to end through a tap, on spt, on hvt and on aarch64 (the virtio
# platform on QEMU's virt board).
#
# The images are built once, lwIP coming from a local mirror of Debian's
# source archive (tests/mirror/build-mirror; nothing else is reachable:
# KILN_PRIMARY_SITE_ONLY=y). Each test makes a network namespace of its own
# and, in it, the tap the guest's net device is attached to, with the
# host's address 10.87.0.1/24 on it; the guest gets 10.87.0.2/24 on its
# command line (or a lease from busybox's udhcpd on the tap). All traffic
# stays in that namespace: nothing is routed anywhere else. hvt's guests
# run where hvt runs (the VM of tests/lib/common.bash when this machine's
# KVM will not do): the namespace, the tap and the clients are made there.
#   clients: ping (iputils-ping), tests/lib/echo-client.py (UDP datagrams,
#            TCP streams with their SHA-256 compared)

load lib/common
load lib/dl-helpers
load lib/guest-net

ECHO_CLIENT=$KILN_TOP/tests/lib/echo-client.py
HOST_ADDR=10.87.0.1
GUEST_ADDR=10.87.0.2

setup_file() {
	kiln_mirror_start lwip || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0
	# A download cache of the suite's own: the first test reads how lwIP's
	# archive was chosen, which a cache another suite filled would skip.
	export KILN_DL_DIR=$KILN_SUITE_TMP/dl
	rm -rf "$KILN_DL_DIR"
	local p
	for p in spt hvt; do
		rm -rf "$KILN_SUITE_TMP/$p" "$KILN_SUITE_TMP/$p.log"
		kiln_make_logged "$KILN_SUITE_TMP/$p.log" "$KILN_SUITE_TMP/$p" \
			KILN_PRIMARY_SITE_ONLY=y "${p}_echo_defconfig" >&3 &&
			kiln_make_logged "$KILN_SUITE_TMP/$p.log" "$KILN_SUITE_TMP/$p" \
				KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	done
	# And on aarch64 (the virtio platform on QEMU's virt board): spt's
	# configuration on that platform.
	rm -rf "$KILN_SUITE_TMP/virt" "$KILN_SUITE_TMP/virt.log"
	mkdir -p "$KILN_SUITE_TMP/virt"
	sed 's/^KILN_PLATFORM_SPT=y/KILN_ARCH_AARCH64=y\nKILN_PLATFORM_VIRTIO=y\nKILN_VIRTIO_QEMU_VIRT=y/' \
		"$KILN_TOP/configs/spt_echo_defconfig" >"$KILN_SUITE_TMP/virt_echo_defconfig"
	kiln_make_logged "$KILN_SUITE_TMP/virt.log" "$KILN_SUITE_TMP/virt" KILN_PRIMARY_SITE_ONLY=y \
		defconfig DEFCONFIG="$KILN_SUITE_TMP/virt_echo_defconfig" >&3 &&
		kiln_make_logged "$KILN_SUITE_TMP/virt.log" "$KILN_SUITE_TMP/virt" \
			KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	httpd_stop
}

teardown_file() {
	httpd_stop
}

setup() {
	guest_net_setup echo
	kiln_require_cmd ping iputils-ping
	kiln_require_cmd python3 python3
}

teardown() {
	guest_net_teardown
}

# image P: the echo image built for P (spt, hvt, or virt: aarch64's virtio
# image), or fail showing its build log.
image() {
	local name=echo.$1
	[ "$1" != virt ] || name=echo.virtio
	assert_file "$KILN_SUITE_TMP/$1/images/$name" "$KILN_SUITE_TMP/$1.log" >&2 || return 1
	echo "$KILN_SUITE_TMP/$1/images/$name"
}

# start_echo P [ARGS...]: boot echo on P in the namespace, tap0 as its net
# device, in the background (console in $GUEST_LOG), and wait until it
# serves. Fails, showing the console, if it exits or stalls before that.
# The tender also gets $TENDER_OPTS (word-split), if set.
start_echo() {
	local p=$1 img launcher
	shift
	img=$(image "$p") || return 1
	launcher=$KILN_SUITE_TMP/$p/host/bin/kiln-$p
	[ "$p" != virt ] || launcher="$KILN_TOP/boot/virtio/kiln-qemu --machine=virt"
	GUEST_LOG=$BATS_TEST_TMPDIR/guest.log
	# shellcheck disable=SC2086 # the launcher and TENDER_OPTS: word by word
	in_ns timeout --kill-after=5 600 $launcher \
		--mem="$KILN_TEST_MEM" --net:service0=tap0 ${TENDER_OPTS:-} "$img" "$@" \
		>"$GUEST_LOG" 2>&1 3>&- &
	GUEST_PID=$!
	local waited=0
	until grep -q "^echo: serving UDP and TCP port 7" "$GUEST_LOG"; do
		if ! kill -0 "$GUEST_PID" 2>/dev/null || [ "$waited" -ge $((KILN_BOOT_TIMEOUT * 10)) ]; then
			echo "echo on $p did not get to serve; its console:"
			cat "$GUEST_LOG"
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}

# guest_console: what the guest printed so far, in $output.
guest_console() {
	output=$(cat "$GUEST_LOG")
}

# ping_answered ADDR: three pings to ADDR, every one answered.
ping_answered() {
	run in_ns ping -n -c 3 -i 0.2 -W 5 "$1"
	assert_status 0
	assert_output_has "3 packets transmitted, 3 received, 0% packet loss"
}

# ---- the build ---------------------------------------------------------------

@test "spt_echo_defconfig builds, lwIP from Debian's repack on the mirror (no upstream hash)" {
	image spt >/dev/null
	# The upstream archive has no recorded sha256, so it is refused before
	# any network, and the repack, which has one, is taken.
	run cat "$KILN_SUITE_TMP/spt.log"
	assert_output_has "kiln-dl: no sha256 for lwip-2.1.3.zip"
	assert_output_has "trying the alternative archive lwip-2.1.3+dfsg1.tar.xz"
	grep -qx 'lwip-2.1.3+dfsg1.tar.xz' "$KILN_SUITE_TMP/spt/build/.downloads/lwip-2.1.3"
}

@test "hvt_echo_defconfig builds" {
	image hvt >/dev/null
}

# ---- spt ------------------------------------------------------------------

@test "lwIP port: the checksum and the copy-and-sum agree with RFC 1071's sum, any offset and length" {
	kiln_require_cmd cc gcc
	local bin=$BATS_TEST_TMPDIR/lwip-chksum-test
	# Compiled as the image compiles the port: -O2, no SSE.
	run cc -std=gnu11 -O2 -mgeneral-regs-only -Wall -Wextra -Werror \
		-I "$KILN_TOP/package/lwip/port/include" -o "$bin" \
		"$KILN_TOP/tests/fixtures/lwip_chksum_test.c" "$KILN_TOP/package/lwip/port/chksum.c"
	assert_status 0
	run "$bin"
	assert_status 0
	assert_output_has " cases, 0 wrong"
}

@test "spt: ping is answered at the address given on the command line" {
	start_echo spt --ipv4="$GUEST_ADDR/24"
	ping_answered "$GUEST_ADDR"
	guest_console
	assert_output_has "kiln-lwip: address $GUEST_ADDR netmask 255.255.255.0 gateway 0.0.0.0 (static)"
}

@test "spt: UDP echo: datagrams of 1 to 8000 bytes come back whole (the largest in fragments)" {
	start_echo spt --ipv4="$GUEST_ADDR/24" --ipv4-gateway="$HOST_ADDR"
	run in_ns "$ECHO_CLIENT" udp "$GUEST_ADDR" 7 1 64 1472 1473 8000
	assert_status 0
	assert_output_has "udp 1 bytes: echoed"
	assert_output_has "udp 1472 bytes: echoed"
	assert_output_has "udp 8000 bytes: echoed"
}

@test "spt: TCP echo of 16 MiB: the same bytes come back (sha256)" {
	start_echo spt --ipv4="$GUEST_ADDR/24"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 16777216
	assert_status 0
	assert_output_matches "^tcp connection 0: 16777216 bytes echoed, sha256 [0-9a-f]{64} matches$"
	# The guest saw the client's half-close and closed after the last byte.
	local i
	for i in $(seq 50); do
		grep -q "bytes echoed, closed" "$GUEST_LOG" && break
		sleep 0.1
	done
	guest_console
	assert_output_matches "^echo: tcp $HOST_ADDR:[0-9]+: 16777216 bytes echoed, closed$"
}

@test "spt: on a tap of MTU 65521, TCP echo of 16 MiB and UDP datagrams up to 60000 bytes come back whole" {
	# Frames up to 64 KiB both ways: the guest reads them whole (lwIP's
	# largest MTU, lwipopts.h) and its MSS lets the client send them.
	in_ns ip link set dev tap0 mtu 65521
	start_echo spt --ipv4="$GUEST_ADDR/24"
	guest_console
	assert_output_has "mtu 65521"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 16777216
	assert_status 0
	assert_output_matches "^tcp connection 0: 16777216 bytes echoed, sha256 [0-9a-f]{64} matches$"
	run in_ns "$ECHO_CLIENT" udp "$GUEST_ADDR" 7 1 1473 8000 60000
	assert_status 0
	assert_output_has "udp 8000 bytes: echoed"
	assert_output_has "udp 60000 bytes: echoed"
}

@test "spt: 16 TCP connections at once each get their own 1 MiB back" {
	start_echo spt --ipv4="$GUEST_ADDR/24"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 1048576 16
	assert_status 0
	[ "$(grep -c '^tcp connection [0-9]*: 1048576 bytes echoed, sha256 [0-9a-f]* matches$' <<<"$output")" -eq 16 ] ||
		{ echo "want 16 matching connections:"; echo "$output"; return 1; }
}

@test "spt: without --ipv4 the address comes from the link's DHCP server" {
	kiln_require_cmd busybox busybox-static
	local conf=$BATS_TEST_TMPDIR/udhcpd.conf
	: >"$BATS_TEST_TMPDIR/udhcpd.leases"
	cat >"$conf" <<-EOF
		start 10.87.0.50
		end 10.87.0.59
		interface tap0
		lease_file $BATS_TEST_TMPDIR/udhcpd.leases
		pidfile $BATS_TEST_TMPDIR/udhcpd.pid
		option subnet 255.255.255.0
		option router $HOST_ADDR
		option lease 600
	EOF
	in_ns busybox udhcpd -f "$conf" >"$BATS_TEST_TMPDIR/udhcpd.log" 2>&1 3>&- &
	start_echo spt
	guest_console
	assert_output_matches "^kiln-lwip: address 10\.87\.0\.5[0-9] netmask 255\.255\.255\.0 gateway $HOST_ADDR \(DHCP\)$"
	local leased
	leased=$(sed -n 's/^kiln-lwip: address \([0-9.]*\) .*/\1/p' "$GUEST_LOG")
	ping_answered "$leased"
	run in_ns "$ECHO_CLIENT" udp "$leased" 7 100
	assert_status 0
}

@test "spt: a malformed --ipv4 or a gateway without an address is refused, naming it" {
	local img
	img=$(image spt)
	run in_ns timeout 30 "$KILN_SUITE_TMP/spt/host/bin/kiln-spt" --mem="$KILN_TEST_MEM" \
		--net:service0=tap0 "$img" --ipv4=10.87.0.300/24
	assert_status 1
	assert_output_has "kiln-lwip: --ipv4=10.87.0.300/24: not an IPv4 address and prefix length"
	run in_ns timeout 30 "$KILN_SUITE_TMP/spt/host/bin/kiln-spt" --mem="$KILN_TEST_MEM" \
		--net:service0=tap0 "$img" --ipv4=10.87.0.2/33
	assert_status 1
	assert_output_has "--ipv4=10.87.0.2/33: not an IPv4 address"
	run in_ns timeout 30 "$KILN_SUITE_TMP/spt/host/bin/kiln-spt" --mem="$KILN_TEST_MEM" \
		--net:service0=tap0 "$img" --ipv4-gateway=10.87.0.1
	assert_status 1
	assert_output_has "kiln-lwip: --ipv4-gateway needs --ipv4"
	run in_ns timeout 30 "$KILN_SUITE_TMP/spt/host/bin/kiln-spt" --mem="$KILN_TEST_MEM" \
		--net:service0=tap0 "$img" --ipv4=10.87.0.2/24 --port=8
	assert_status 1
	assert_output_has "echo: unknown argument '--port=8'"
}

# ---- hvt ------------------------------------------------------------------

# The tender offers its shared network ring (kiln/hvt_abi.h) and the guest
# takes it: it says so with --solo5:debug.
@test "hvt: ping, UDP echo and a TCP echo of 16 MiB (sha256), through the shared network ring" {
	start_echo hvt --solo5:debug --ipv4="$GUEST_ADDR/24"
	ping_answered "$GUEST_ADDR"
	run in_ns "$ECHO_CLIENT" udp "$GUEST_ADDR" 7 1 1472 8000
	assert_status 0
	assert_output_has "udp 8000 bytes: echoed"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 16777216
	assert_status 0
	assert_output_matches "^tcp connection 0: 16777216 bytes echoed, sha256 [0-9a-f]{64} matches$"
	guest_console
	assert_output_matches "^kiln: net: through the tender's shared ring at 0x[0-9a-f]+$"
}

# kiln-hvt --no-net-ring: the ring is not offered, the guest falls back to
# the NET_WRITE/NET_READ hypercalls, and everything still works.
@test "hvt: with --no-net-ring, through hypercalls: ping and a TCP echo of 4 MiB (sha256)" {
	TENDER_OPTS=--no-net-ring start_echo hvt --solo5:debug --ipv4="$GUEST_ADDR/24"
	ping_answered "$GUEST_ADDR"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 4194304
	assert_status 0
	assert_output_matches "^tcp connection 0: 4194304 bytes echoed, sha256 [0-9a-f]{64} matches$"
	guest_console
	assert_output_has "kiln: net: through hypercalls (no shared ring offered)"
	assert_output_lacks "shared ring at"
}

@test "virtio on aarch64 (QEMU virt): ping, UDP echo and a TCP echo of 1 MiB (sha256)" {
	kiln_require_cmd qemu-system-aarch64 qemu-system-arm
	start_echo virt --ipv4="$GUEST_ADDR/24"
	ping_answered "$GUEST_ADDR"
	run in_ns "$ECHO_CLIENT" udp "$GUEST_ADDR" 7 1 1472 8000
	assert_status 0
	assert_output_has "udp 8000 bytes: echoed"
	run in_ns "$ECHO_CLIENT" tcp "$GUEST_ADDR" 7 1048576
	assert_status 0
	assert_output_matches "^tcp connection 0: 1048576 bytes echoed, sha256 [0-9a-f]{64} matches$"
}
