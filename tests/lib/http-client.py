#!/usr/bin/env python3
"""http-client.py: the client side of tests/httpd.bats, where curl does not
do: exact bytes on the wire, many requests on one connection, many
connections at once.

    http-client.py raw HOST PORT [--half-close] [--byte-every SECONDS]
        sends the bytes read from stdin (optionally one at a time, SECONDS
        apart, as a slow client does), then optionally half-closes, and
        prints everything the server sends until it closes (latin-1), then
        a last line "closed after N.N s" or "still open after N s".
    http-client.py keepalive HOST PORT PATH FILE COUNT
        COUNT GET requests for PATH, one after the other on one
        connection; each response must be 200 with FILE's bytes, and the
        connection must stay open.
    http-client.py concurrent HOST PORT PATH FILE CONNECTIONS REQUESTS
        CONNECTIONS connections at once, each sending REQUESTS keep-alive
        GETs for PATH; every response must be 200 with FILE's bytes.
    http-client.py churn HOST PORT PATH FILE COUNT WORKERS
        COUNT short connections, WORKERS at a time: each connects, sends
        one GET for PATH with "Connection: close", reads the response to
        the server's close (200 with FILE's bytes), and closes. Prints one
        line: how many were right, and the time taken. Connection n comes
        from local port 10000 + n % 50000: lwIP answers a SYN that reuses
        the addresses and ports of a connection it holds in TIME_WAIT with
        a reset (RFC 793), and Linux's choice of port may repeat one within
        that time; the server closes first, so every TIME_WAIT is its own.

Prints one line per connection (keepalive, concurrent); exits 0 when
everything came back right, 1 otherwise (naming what was wrong), 2 on a
usage error. Every wait has a time limit (30 s).
"""
import socket
import sys
import threading
import time

TIMEOUT = 30.0


class HttpError(Exception):
    pass


def read_response(sock, buf):
    """One response from sock: (status, headers dict, body, rest of buf)."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise HttpError("connection closed before a whole response head (%d bytes)" % len(buf))
        buf += chunk
    head, buf = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise HttpError("not a status line: %r" % lines[0])
    status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "-1"))
    if length < 0:
        raise HttpError("no Content-Length in %r" % lines)
    while len(buf) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise HttpError("connection closed after %d of %d body bytes" % (len(buf), length))
        buf += chunk
    return status, headers, buf[:length], buf[length:]


def get_many(host, port, path, want, count):
    """count keep-alive GETs of path on one connection; None or what failed."""
    request = ("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (path, host)).encode()
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as e:
        return "cannot connect: %s" % e
    buf = b""
    i = 0
    try:
        for i in range(count):
            sock.sendall(request)
            status, headers, body, buf = read_response(sock, buf)
            if status != 200:
                return "request %d: status %d" % (i + 1, status)
            if body != want:
                return "request %d: %d bytes differ from the file's %d" % (i + 1, len(body), len(want))
            if headers.get("connection", "").lower() == "close":
                return "request %d: the server closed the connection" % (i + 1)
    except (OSError, HttpError) as e:
        return "after %d requests: %s" % (i, e)
    finally:
        sock.close()
    return None


def get_once(host, port, request, want, local_port=0):
    """One connection (from local_port, or any), one request, read to the
    server's close; None or what failed."""
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT,
                                        source_address=("", local_port))
    except OSError as e:
        return "cannot connect from port %d: %s" % (local_port, e)
    try:
        sock.sendall(request)
        status, headers, body, rest = read_response(sock, b"")
        if status != 200:
            return "status %d" % status
        if body != want:
            return "%d bytes differ from the file's %d" % (len(body), len(want))
        if rest or sock.recv(1):
            return "bytes after the response"
    except (OSError, HttpError) as e:
        return str(e)
    finally:
        sock.close()
    return None


def churn(host, port, path, want, count, workers):
    request = ("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, host)).encode()
    failures = []
    done = [0]
    lock = threading.Lock()
    start = time.monotonic()

    def worker():
        while True:
            with lock:
                if done[0] >= count:
                    return
                done[0] += 1
                n = done[0]
            failure = get_once(host, port, request, want, 10000 + n % 50000)
            if failure:
                with lock:
                    failures.append("connection %d: %s" % (n, failure))

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for f in failures[:10]:
        print(f)
    print("churn: %d of %d connections right in %.1f s" %
          (count - len(failures), count, time.monotonic() - start))
    return 1 if failures else 0


def raw(host, port, args):
    half_close = "--half-close" in args
    every = 0.0
    if "--byte-every" in args:
        every = float(args[args.index("--byte-every") + 1])
    data = sys.stdin.buffer.read()
    sock = socket.create_connection((host, port), timeout=TIMEOUT)
    start = time.monotonic()
    got = []
    end = ["still open after %d s" % TIMEOUT]

    # What the server sends is read as it comes, while the request is
    # still going out (a slow client's answer comes before it is done).
    def reader():
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    end[0] = "closed after %.1f s" % (time.monotonic() - start)
                    return
                got.append(chunk)
        except socket.timeout:
            pass
        except OSError as e:
            end[0] = "reset after %.1f s (%s)" % (time.monotonic() - start, e)

    t = threading.Thread(target=reader)
    t.start()
    try:
        if every:
            for i in range(len(data)):
                if not t.is_alive():
                    break
                sock.sendall(data[i:i + 1])
                time.sleep(every)
        else:
            sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
    except OSError as e:
        print("sending stopped: %s" % e)
    t.join()
    sock.close()
    text = b"".join(got).decode("latin-1")
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    print(end[0])
    return 0


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    mode, host, port = argv[1], argv[2], int(argv[3])
    if mode == "raw":
        return raw(host, port, argv[4:])
    if mode == "keepalive" and len(argv) == 7:
        path, want, count = argv[4], open(argv[5], "rb").read(), int(argv[6])
        failure = get_many(host, port, path, want, count)
        print("connection 0: %s" % (failure or "%d responses right" % count))
        return 1 if failure else 0
    if mode == "concurrent" and len(argv) == 8:
        path, want = argv[4], open(argv[5], "rb").read()
        connections, count = int(argv[6]), int(argv[7])
        results = [None] * connections

        def one(i):
            results[i] = get_many(host, port, path, want, count) or "ok"

        threads = [threading.Thread(target=one, args=(i,)) for i in range(connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        bad = 0
        for i, r in enumerate(results):
            print("connection %d: %s" % (i, "%d responses right" % count if r == "ok" else r))
            bad += r != "ok"
        return 1 if bad else 0
    if mode == "churn" and len(argv) == 8:
        return churn(host, port, argv[4], open(argv[5], "rb").read(), int(argv[6]), int(argv[7]))
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
