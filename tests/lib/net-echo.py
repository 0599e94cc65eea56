#!/usr/bin/env python3
"""net-echo.py: the host side of tests/net.bats.

    net-echo.py IFACE GUEST_MAC COUNT [TIMEOUT]

On the tap interface IFACE (the guest's net device), sends COUNT Ethernet
frames of EtherType 0x88b5 to GUEST_MAC, one at a time, and waits up to
TIMEOUT seconds (default 10) for each to come back as test-net echoes it:
the same payload, source and destination MAC swapped. An AF_PACKET socket
bound to the host end of a tap injects what the guest reads and sees what
the guest writes. Frames vary in size, up to the interface's MTU.

Prints one line per frame; exits 0 when every echo came back right, 1
otherwise (naming what was wrong), 2 on a usage or setup error.
"""
import os
import select
import socket
import struct
import sys
import time

ETHERTYPE_TEST = 0x88B5
PACKET_OUTGOING = 4  # sll_pkttype of frames this host sent (linux/if_packet.h)


def mac_bytes(text):
    parts = text.split(":")
    if len(parts) != 6:
        raise ValueError("malformed MAC %r: want xx:xx:xx:xx:xx:xx" % text)
    return bytes(int(p, 16) for p in parts)


def mac_text(raw):
    return ":".join("%02x" % b for b in raw)


def read_sys(iface, name):
    with open("/sys/class/net/%s/%s" % (iface, name)) as f:
        return f.read().strip()


def payload(index, size):
    """A payload of SIZE bytes that names its frame and differs per frame."""
    head = b"kiln net-echo frame %d " % index
    body = bytes((index * 31 + i) & 0xFF for i in range(max(0, size - len(head))))
    return (head + body)[:size]


def frame_sizes(count, mtu):
    """Payload sizes: the 46-byte minimum, the whole MTU, and some between."""
    cycle = [46, mtu, 64, 1000 if mtu > 1000 else mtu // 2, 333]
    return [cycle[i % len(cycle)] for i in range(count)]


def wait_echo(sock, guest, host, sent_payload, timeout):
    """The echo of one frame, or a reason it did not come back right."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return "no echo within %g s" % timeout
        ready, _, _ = select.select([sock], [], [], left)
        if not ready:
            continue
        data, addr = sock.recvfrom(65536)
        if addr[2] == PACKET_OUTGOING:
            continue  # our own frame, seen on its way to the guest
        if len(data) < 14 or struct.unpack("!H", data[12:14])[0] != ETHERTYPE_TEST:
            continue  # someone else's traffic on the tap
        dst, src, body = data[0:6], data[6:12], data[14:]
        if dst != host or src != guest:
            return "echo has dst %s src %s, want dst %s src %s (MACs swapped)" % (
                mac_text(dst), mac_text(src), mac_text(host), mac_text(guest))
        if body != sent_payload:
            return "echo's payload differs: %d bytes, sent %d; first bytes %r" % (
                len(body), len(sent_payload), body[:32])
        return None


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    iface, count = argv[1], int(argv[3])
    timeout = float(argv[4]) if len(argv) == 5 else 10.0
    try:
        guest = mac_bytes(argv[2])
        host = mac_bytes(read_sys(iface, "address"))
        mtu = int(read_sys(iface, "mtu"))
        sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                             socket.htons(ETHERTYPE_TEST))
        sock.bind((iface, ETHERTYPE_TEST))
    except (OSError, ValueError) as e:
        print("net-echo: cannot set up on %s: %s" % (iface, e))
        return 2

    failed = 0
    for i, size in enumerate(frame_sizes(count, mtu), 1):
        body = payload(i, size)
        sock.send(guest + host + struct.pack("!H", ETHERTYPE_TEST) + body)
        problem = wait_echo(sock, guest, host, body, timeout)
        if problem:
            failed += 1
            print("net-echo: frame %d (%d bytes): FAILED: %s" % (i, 14 + size, problem))
        else:
            print("net-echo: frame %d (%d bytes): echoed" % (i, 14 + size))
    print("net-echo: %d of %d frames echoed right" % (count - failed, count))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
