#!/usr/bin/env bats
# The net device path end to end, on spt, hvt and virtio (QEMU's pc
# machine): solo5_net_acquire, read and write in the boot shims;
# --net:NAME=TAP and --net-mac in the tenders' net modules and in
# boot/virtio/kiln-qemu (a virtio-net device on the tap); spt's seccomp
# rules for the tap fd, hvt's POLL on it, virtio's polled rings (the guest
# waits in solo5_yield for every frame); hvt's shared network ring (the
# tender's checks of what a hostile guest puts in it, --no-net-ring).
#
# Each test makes a tap interface of its own in this namespace, brought up
# with IPv6 off (so the host stack stays quiet on it), and removes it in
# teardown. Nothing is routed: the tap has no address, and the only frames
# on it are the test's, of the local experimental EtherType 0x88b5.
#   guest: tests/fixtures/boot-tests/package/test-net (echoes frames with
#          the MACs swapped)
#   host:  tests/lib/net-echo.py (AF_PACKET on the tap: sends frames, checks
#          every echo)

load lib/common

NET_ECHO=$KILN_TOP/tests/lib/net-echo.py
# How long test-net waits for a frame before it gives up (its default, 5 s,
# is less than the echo helper takes to start in a VM under TCG).
GUEST_WAIT=30
GUEST_MAC=02:00:00:00:4b:01

setup_file() {
	KILN_PLATFORMS="hvt spt virtio" kiln_build_platforms test-net
}

# side CMD...: run CMD on the machine whose network this test's guest is
# on: here, or for an hvt test whose guests run in the VM
# (tests/lib/common.bash), in the VM: its tap, its echo helper.
side() {
	if [ "$SIDE" = vm ]; then kiln_on_kvm "$@"; else "$@"; fi
}

# setup: a tap of this test's own, up, or skip saying why it cannot be.
# Sets TAP. Its name is unique to this run and test (at most 15 bytes).
setup() {
	TAP=
	GUEST_PID=
	SIDE=here
	case $BATS_TEST_DESCRIPTION in
	hvt:*)
			kiln_hvt_in_vm && SIDE=vm
		;;
	esac
	[ "$(id -u)" -eq 0 ] || skip "tap devices need root (run the suite as root)"
	side test -c /dev/net/tun || skip "no /dev/net/tun (modprobe tun)"
	kiln_require_cmd ip iproute2
	kiln_require_cmd python3 python3
	local name=kt$$n$BATS_TEST_NUMBER
	name=${name:0:15}
	local err
	err=$(side ip tuntap add dev "$name" mode tap 2>&1) ||
		skip "cannot create a tap device ($name): $err"
	TAP=$name
	# Best effort: a tap with IPv6 on sends router solicitations and the
	# like; the guest ignores them, but quiet is easier to read.
	side sysctl -qw "net.ipv6.conf.$TAP.disable_ipv6=1" >/dev/null 2>&1 || true
	side ip link set dev "$TAP" up
}

teardown() {
	if [ -n "$GUEST_PID" ]; then
		kill "$GUEST_PID" 2>/dev/null || true
		wait "$GUEST_PID" 2>/dev/null || true
	fi
	if [ -n "$TAP" ]; then
		side ip link del dev "$TAP" 2>/dev/null || true
	fi
}

# image P: test-net built for P (microvm boots the virtio image).
image() {
	kiln_platform_image "${1/microvm/virtio}" test-net
}

# tender P: what boots P's images (virtio: kiln-qemu on QEMU's pc;
# microvm: the same image on QEMU's microvm, its devices on virtio-mmio).
tender() {
	case $1 in
	virtio) kiln_launcher pc ;;
	microvm) kiln_launcher microvm ;;
	*) kiln_tender "$KILN_SUITE_TMP/$1" "$1" ;;
	esac
}

# start_guest P [TENDER OPTIONS...] [-- ARGS...]: boot test-net under P's
# tender (or $GUEST_TENDER) in the background, its console in $GUEST_LOG, and wait until it
# waits for frames (it printed "echoing"). Fails if it exits before that.
start_guest() {
	local p=$1 img tdr
	shift
	img=$(image "$p") || return 1
	tdr=${GUEST_TENDER:-$(tender "$p")}
	GUEST_LOG=$BATS_TEST_TMPDIR/guest.log
	kiln_boot "$tdr" "$img" "$@" >"$GUEST_LOG" 2>&1 3>&- &
	GUEST_PID=$!
	local waited=0
	until grep -q "^test-net: echoing" "$GUEST_LOG"; do
		if ! kill -0 "$GUEST_PID" 2>/dev/null || [ "$waited" -ge $((KILN_BOOT_TIMEOUT * 10)) ]; then
			echo "test-net on $p did not get to wait for frames; its console:"
			cat "$GUEST_LOG"
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}

# wait_guest: wait for the background guest to end; then $output is its
# console and $status its exit status (as `run` sets them).
wait_guest() {
	status=0
	wait "$GUEST_PID" || status=$?
	GUEST_PID=
	output=$(cat "$GUEST_LOG")
}

# echo_frames P COUNT [TENDER OPTIONS...]: the guest echoes COUNT frames
# the helper sends through $TAP to $GUEST_MAC; both must succeed. With
# GUEST_DEBUG=1 the guest gets --solo5:debug.
echo_frames() {
	local p=$1 count=$2
	shift 2
	start_guest "$p" --net:service0="$TAP" "$@" -- ${GUEST_DEBUG:+--solo5:debug} \
		"$count" "$GUEST_WAIT"
	local helper_status=0 helper_output
	helper_output=$(side "$NET_ECHO" "$TAP" "$GUEST_MAC" "$count" 10) || helper_status=$?
	wait_guest
	printf 'host side:\n%s\n' "$helper_output"
	[ "$helper_status" -eq 0 ] || {
		echo "net-echo.py exited $helper_status; the guest's console:"
		printf '%s\n' "$output"
		return 1
	}
	grep -qF "net-echo: $count of $count frames echoed right" <<<"$helper_output"
	assert_status 0
	assert_output_has "test-net: echoed frame $count ("
	assert_output_has "test-net: OK ($count echoed"
}

# ---- frames both ways ----------------------------------------------------

# full_mtu_echo P MAC: P's guest, given MAC, echoes 5 frames, frame 2 the
# largest: a 1500-byte payload and its header.
full_mtu_echo() {
	GUEST_MAC=$2
	echo_frames "$1" 5 --net-mac:service0="$GUEST_MAC"
	assert_output_has "test-net: mac $GUEST_MAC mtu 1500"
	assert_output_has "test-net: echoed frame 2 (1514 bytes)"
}

@test "spt: the guest echoes frames through a tap, MACs swapped, up to a full MTU" {
	full_mtu_echo spt 02:00:00:00:4b:01
}

@test "hvt: the guest echoes frames through a tap, MACs swapped, up to a full MTU" {
	full_mtu_echo hvt 02:00:00:00:4b:02
}

@test "virtio: the guest echoes frames through a tap, MACs swapped, up to a full MTU" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	full_mtu_echo virtio 02:00:00:00:4b:03
}

@test "virtio on microvm: the guest echoes frames through a tap (virtio-mmio)" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	full_mtu_echo microvm 02:00:00:00:4b:04
}

# guest_mac: the MAC test-net printed (from $GUEST_LOG).
guest_mac() {
	sed -n 's/^test-net: mac \([0-9a-f:]*\) mtu.*/\1/p' "$GUEST_LOG"
}

# random_mac_and_mtu P: with no --net-mac the tender makes up a locally
# administered unicast MAC; the MTU is the tap's.
random_mac_and_mtu() {
	local p=$1
	side ip link set dev "$TAP" mtu 1400
	start_guest "$p" --net:service0="$TAP" -- 3 "$GUEST_WAIT"
	GUEST_MAC=$(guest_mac)
	[[ $GUEST_MAC =~ ^[0-9a-f]{2}(:[0-9a-f]{2}){5}$ ]] ||
		{ echo "no MAC in the console:"; cat "$GUEST_LOG"; return 1; }
	# bit 1 of the first byte set (local), bit 0 clear (unicast)
	[ $((0x${GUEST_MAC:0:2} & 3)) -eq 2 ] ||
		{ echo "MAC $GUEST_MAC is not a locally administered unicast one"; return 1; }
	grep -qF "test-net: mac $GUEST_MAC mtu 1400" "$GUEST_LOG" ||
		{ echo "want mtu 1400 (the tap's):"; cat "$GUEST_LOG"; return 1; }
	run side "$NET_ECHO" "$TAP" "$GUEST_MAC" 3 10
	assert_status 0
	assert_output_has "frame 2 (1414 bytes): echoed"
	wait_guest
	assert_status 0
	assert_output_has "test-net: OK (3 echoed"
}

@test "spt: without --net-mac the MAC is random, local and unicast; the MTU is the tap's" {
	random_mac_and_mtu spt
}

@test "hvt: without --net-mac the MAC is random, local and unicast; the MTU is the tap's" {
	random_mac_and_mtu hvt
}

@test "virtio: without --net-mac the MAC is random, local and unicast; the MTU is the tap's" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	random_mac_and_mtu virtio
}

# ---- waiting with a net device in the wait set ----------------------------

@test "spt: no frames: solo5_yield still returns at its deadline (timeout, 2)" {
	run kiln_boot "$(tender spt)" "$(image spt)" --net:service0="$TAP" -- 1
	assert_status 2
	assert_output_has "test-net: timeout (0 of 1 frames echoed)"
}

@test "hvt: no frames: solo5_yield still returns at its deadline (timeout, 2)" {
	run kiln_boot "$(tender hvt)" "$(image hvt)" --net:service0="$TAP" -- 1
	assert_status 2
	assert_output_has "test-net: timeout (0 of 1 frames echoed)"
}

@test "virtio: no frames: solo5_yield still returns at its deadline (timeout, 2)" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	run kiln_boot "$(tender virtio)" "$(image virtio)" --net:service0="$TAP" -- 1
	assert_status 2
	assert_output_has "test-net: timeout (0 of 1 frames echoed)"
}

# ---- what the tenders refuse ---------------------------------------------

# refusals P: the errors (status 1, before the guest runs) of P's tender.
refusals() {
	local p=$1 img tdr
	img=$(image "$p") || return 1
	tdr=$(tender "$p")
	# The image declares net:service0; not attaching it is an error.
	run kiln_boot "$tdr" "$img"
	assert_status 1
	assert_output_has "'service0'"
	assert_output_has "--net:service0="
	assert_output_lacks "test-net:"
	# A tap that does not exist: error, and no interface made on the way.
	run kiln_boot "$tdr" "$img" --net:service0="${TAP}x"
	assert_status 1
	assert_output_has "no network interface '${TAP}x'"
	assert_output_lacks "test-net:"
	side test ! -e "/sys/class/net/${TAP}x"
	# A tap that is down.
	side ip link set dev "$TAP" down
	run kiln_boot "$tdr" "$img" --net:service0="$TAP"
	assert_status 1
	assert_output_has "'$TAP' is down"
	side ip link set dev "$TAP" up
	# kiln-qemu does not read the manifest: a device the image does not
	# declare becomes a device the guest leaves alone.
	[ "$p" != virtio ] || return 0
	# A device the image does not declare (the tender reads the options
	# in order: the first, good one opens the tap, the second fails).
	run kiln_boot "$tdr" "$img" --net:service0="$TAP" --net:other="$TAP"
	assert_status 1
	assert_output_has "declares no net device 'other'"
	assert_output_lacks "test-net:"
}

@test "spt: net device not attached, missing or down tap, unknown name: error 1" {
	refusals spt
}

@test "hvt: net device not attached, missing or down tap, unknown name: error 1" {
	refusals hvt
}

@test "virtio: net device not attached, missing or down tap: error 1" {
	kiln_require_cmd qemu-system-x86_64 qemu-system-x86
	refusals virtio
}

# ---- hvt's shared network ring (kiln/hvt_abi.h) ----------------------------

# hostile_ring KIND MESSAGE: test-net corrupts the ring as KIND says
# (hostile-ring.c) and kicks; kiln-hvt ends it as a guest fault (254)
# naming what was wrong, before the guest's 10 s are up.
hostile_ring() {
	run kiln_boot "$(tender hvt)" "$(image hvt)" --net:service0="$TAP" -- \
		hostile-ring "$1"
	assert_status 254
	assert_output_has "test-net: hostile ring: $1"
	assert_output_matches "^kiln-hvt: guest fault: network ring at 0x[0-9a-f]+: $2"
	assert_output_lacks "survived"
}

@test "hvt: a guest that corrupts the shared network ring is stopped, the field named (254)" {
	hostile_ring data-outside \
		"entry 0 \(NET_WRITE\): data 0xfffff0000000 \+ len 60 is outside guest memory"
	hostile_ring tail-ahead "ent_tail 5000 is 5000 entries ahead of ent_head 0; at most 1023 may be queued"
	hostile_ring bad-op "entry 0: operation 7 is neither NET_WRITE \(1\) nor NET_READ \(2\)"
	hostile_ring read-into-ring "entry 0 \(NET_READ\): data 0x[0-9a-f]+ \+ len 1514 overlaps the ring itself"
}

@test "hvt: with --no-net-ring no ring is offered, and frames still echo (hypercalls)" {
	run kiln_boot "$(tender hvt)" "$(image hvt)" --net:service0="$TAP" --no-net-ring -- \
		hostile-ring bad-op
	assert_status 4
	assert_output_has "test-net: no shared ring offered"
	GUEST_MAC=02:00:00:00:4b:05
	GUEST_DEBUG=1 echo_frames hvt 5 --net-mac:service0="$GUEST_MAC" --no-net-ring
	assert_output_has "test-net: echoed frame 2 (1514 bytes)"
	assert_output_has "kiln: net: through hypercalls (no shared ring offered)"
}

# Kiln's guest side of the ring against Solo5's tender side.
@test "hvt: Solo5 cross-check: test-net echoes frames under solo5-hvt, through its shared ring" {
	kiln_require_solo5 hvt
	GUEST_MAC=02:00:00:00:4b:06
	GUEST_TENDER=$SOLO5_TENDER GUEST_DEBUG=1 echo_frames hvt 5 --net-mac:service0="$GUEST_MAC"
	assert_output_has "test-net: echoed frame 2 (1514 bytes)"
	assert_output_matches "^kiln: net: through the tender's shared ring at 0x[0-9a-f]+$"
}
