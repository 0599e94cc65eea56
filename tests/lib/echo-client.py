#!/usr/bin/env python3
"""echo-client.py: the client side of tests/echo.bats (an echo service,
RFC 862, as package/echo serves it).

    echo-client.py udp HOST PORT SIZE...
        sends one datagram of each SIZE (random bytes) and waits for it to
        come back the same; each is sent again (up to 5 times, 1 s apart)
        if no echo came, since UDP may lose a datagram.
    echo-client.py tcp HOST PORT BYTES [CONNECTIONS]
        opens CONNECTIONS connections (default 1) at once; on each, sends
        BYTES random bytes while reading the echo, half-closes, reads to
        the end, and compares the SHA-256 of what went out and what came
        back, and the byte counts.

Every step has a time limit (60 s without progress). Prints one line per
datagram or connection; exits 0 when every echo came back right, 1
otherwise (naming what was wrong), 2 on a usage error.
"""
import hashlib
import os
import socket
import sys
import threading

STALL_SECONDS = 60
CHUNK = 65536


def udp(host, port, sizes):
    failed = 0
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(1.0)
    for size in sizes:
        data = os.urandom(size)
        got = None
        for attempt in range(5):
            sock.sendto(data, (host, port))
            try:
                while True:
                    reply, peer = sock.recvfrom(65536)
                    if reply == data:
                        got = reply
                        break
                    # A late echo of an earlier datagram: not this one.
            except socket.timeout:
                continue
            break
        if got is None:
            print("udp %d bytes: no echo after 5 tries" % size)
            failed += 1
        else:
            print("udp %d bytes: echoed" % size)
    return failed


def tcp_one(host, port, nbytes, index, results):
    sent_hash = hashlib.sha256()
    recv_hash = hashlib.sha256()
    received = [0]
    errors = []
    try:
        sock = socket.create_connection((host, port), timeout=STALL_SECONDS)
    except OSError as e:
        results[index] = "tcp connection %d: cannot connect: %s" % (index, e)
        return

    def reader():
        try:
            while True:
                chunk = sock.recv(CHUNK)
                if not chunk:
                    return
                recv_hash.update(chunk)
                received[0] += len(chunk)
        except OSError as e:
            errors.append("reading: %s" % e)

    t = threading.Thread(target=reader)
    t.start()
    sent = 0
    try:
        # The data: random blocks, hashed as they go.
        block = os.urandom(CHUNK)
        while sent < nbytes:
            n = min(CHUNK, nbytes - sent)
            piece = block[:n] if sent % (4 * CHUNK) else os.urandom(n)
            sent_hash.update(piece)
            sock.sendall(piece)
            sent += n
        sock.shutdown(socket.SHUT_WR)
    except OSError as e:
        errors.append("writing after %d bytes: %s" % (sent, e))
    t.join(STALL_SECONDS * 10)
    if t.is_alive():
        errors.append("the echo did not end (got %d bytes)" % received[0])
    sock.close()
    if errors:
        results[index] = "tcp connection %d: FAILED: %s" % (index, "; ".join(errors))
    elif received[0] != nbytes:
        results[index] = "tcp connection %d: FAILED: sent %d bytes, got %d back" % (
            index, nbytes, received[0])
    elif sent_hash.hexdigest() != recv_hash.hexdigest():
        results[index] = "tcp connection %d: FAILED: sha256 differs: sent %s, got %s" % (
            index, sent_hash.hexdigest(), recv_hash.hexdigest())
    else:
        results[index] = "tcp connection %d: %d bytes echoed, sha256 %s matches" % (
            index, nbytes, sent_hash.hexdigest())


def tcp(host, port, nbytes, connections):
    results = [None] * connections
    threads = [threading.Thread(target=tcp_one, args=(host, port, nbytes, i, results))
               for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = 0
    for r in results:
        r = r or "a connection ended without a result"
        print(r)
        if "matches" not in r:
            failed += 1
    return failed


def main(argv):
    if len(argv) < 5 or argv[1] not in ("udp", "tcp"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    mode, host, port = argv[1], argv[2], int(argv[3])
    if mode == "udp":
        failed = udp(host, port, [int(s) for s in argv[4:]])
    else:
        connections = int(argv[5]) if len(argv) > 5 else 1
        failed = tcp(host, port, int(argv[4]), connections)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
