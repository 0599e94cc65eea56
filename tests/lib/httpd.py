#!/usr/bin/env python3
"""A local HTTP server for Kiln's tests: serves a directory on 127.0.0.1 with Range
support and misbehaves on request, so the downloader's failure paths can be exercised
without a network.

Fault modes are chosen by leading path components (they stack: /cut/slow/f.tar.gz)
or for every request with --mode:
  404       always answer 404
  500       always answer 500
  flaky     answer 503 to the first request for each path, then serve normally
  tamper    serve the file with one byte flipped
  cut       send half the body, then close (ranged requests are served whole, so a
            resumed download completes)
  norange   ignore Range headers and always send the whole file with 200
  badrange  answer a Range request with a 206 that starts at byte 0 instead (the whole
            file, its Content-Range saying so)
  stall     send the headers, then nothing
  pause     send the headers and half the body, then nothing
  hang      accept the connection, then send nothing at all
  slow      trickle the body at --slow-rate bytes per second
  redirect  answer 302 to the same path without this component
  endless   send 200 with no Content-Length, then zeros until the client hangs up
  huge      announce a Content-Length of 1 TiB, then send zeros until the client hangs up
            (neither needs the file to exist)

With --tls-cert it speaks https instead (one protocol per server).

Every request is appended to --log as one line:
  GET /cut/f.tar.gz range=bytes=100- status=206
"""

import argparse
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

MODES = {"404", "500", "flaky", "tamper", "cut", "norange", "stall", "hang", "slow", "redirect",
         "endless", "huge", "pause", "badrange"}

TIB = 1 << 40


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kiln-test-httpd"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # requests go to --log, not to stderr

    def record(self, status):
        cfg = self.server.cfg
        line = "%s %s range=%s status=%s\n" % (
            self.command, self.path, self.headers.get("Range", "-"), status)
        if cfg.log:
            with self.server.log_lock, open(cfg.log, "a") as f:
                f.write(line)

    def split_modes(self):
        """Leading mode components of the path, and the file path that remains."""
        path = unquote(urlsplit(self.path).path)
        parts = [p for p in path.split("/") if p]
        modes = list(self.server.cfg.mode)
        while parts and parts[0] in MODES:
            modes.append(parts.pop(0))
        return modes, parts

    def plain(self, status, text, extra_headers=()):
        body = (text + "\n").encode()
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def flood(self, announced):
        """Zeros until the client hangs up, announcing `announced` bytes (None: no length)."""
        self.record("200-flood")
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if announced is not None:
            self.send_header("Content-Length", str(announced))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = bytes(65536)
        try:
            while True:
                self.wfile.write(chunk)
        except OSError:
            pass  # the client hung up, as it should

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.close_connection = True
        cfg = self.server.cfg
        modes, parts = self.split_modes()

        if "hang" in modes:
            self.record("hang")
            time.sleep(cfg.stall_seconds)
            return
        if "404" in modes:
            return self.plain(404, "not found (fault mode)")
        if "500" in modes:
            return self.plain(500, "server error (fault mode)")
        if "flaky" in modes:
            with self.server.seen_lock:
                first = self.path not in self.server.seen
                self.server.seen.add(self.path)
            if first:
                return self.plain(503, "try again later (fault mode)")
        if "redirect" in modes:
            target = "/" + "/".join([m for m in modes if m != "redirect"
                                     and m not in cfg.mode] + parts)
            return self.plain(302, "moved", [("Location", target)])

        if "endless" in modes or "huge" in modes:
            return self.flood(None if "endless" in modes else TIB)

        if any(p in ("..", ".") for p in parts):
            return self.plain(403, "no such path")
        path = os.path.join(cfg.root, *parts)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            return self.plain(404, "not found")

        if "tamper" in modes and data:
            i = len(data) // 2
            data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]

        status, start, end = 200, 0, len(data)
        wanted = self.headers.get("Range")
        if wanted and "norange" not in modes:
            parsed = parse_range(wanted, len(data))
            if parsed is None:
                return self.plain(416, "range not satisfiable",
                                  [("Content-Range", "bytes */%d" % len(data))])
            status, (start, end) = 206, parsed
            if "badrange" in modes:
                start, end = 0, len(data)

        body = data[start:end]
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "none" if "norange" in modes else "bytes")
        if status == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end - 1, len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return

        if "pause" in modes:
            self.wfile.write(body[:len(body) // 2])
        if "stall" in modes or "pause" in modes:
            self.wfile.flush()
            time.sleep(cfg.stall_seconds)
            return
        if "cut" in modes and status == 200:
            body = body[:len(body) // 2]
        if "slow" in modes:
            chunk = max(1, cfg.slow_rate // 10)
            for i in range(0, len(body), chunk):
                self.wfile.write(body[i:i + chunk])
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self.wfile.write(body)
        self.wfile.flush()


def parse_range(header, size):
    """(start, end) for a single 'bytes=a-b', 'bytes=a-' or 'bytes=-n'; None if unsatisfiable."""
    unit, _, spec = header.partition("=")
    if unit.strip() != "bytes" or "," in spec:
        return None
    first, _, last = spec.strip().partition("-")
    try:
        if first == "":
            n = int(last)
            return (max(0, size - n), size) if n > 0 and size > 0 else None
        start = int(first)
        end = int(last) + 1 if last else size
    except ValueError:
        return None
    if start >= size or end <= start:
        return None
    return start, min(end, size)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # Clients that hang up (the downloader's timeouts) or reject our self-signed
        # certificate are expected here; stay quiet.
        if not isinstance(sys.exc_info()[1],
                          (BrokenPipeError, ConnectionResetError, ssl.SSLError)):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="directory to serve")
    ap.add_argument("--port", type=int, default=0, help="TCP port (0: pick a free one)")
    ap.add_argument("--port-file", help="write the port number here once listening")
    ap.add_argument("--log", help="append one line per request here")
    ap.add_argument("--mode", action="append", default=[], choices=sorted(MODES),
                    help="fault mode for every request (repeatable)")
    ap.add_argument("--stall-seconds", type=float, default=60,
                    help="how long stall and hang keep the connection silent")
    ap.add_argument("--slow-rate", type=int, default=20000, help="bytes per second for slow")
    ap.add_argument("--tls-cert", help="serve https with this PEM certificate (and key)")
    cfg = ap.parse_args()

    server = Server(("127.0.0.1", cfg.port), Handler)
    if cfg.tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cfg.tls_cert)
        # Handshake in the request's thread, so one slow client does not block accept().
        server.socket = ctx.wrap_socket(server.socket, server_side=True,
                                        do_handshake_on_connect=False)
    server.cfg = cfg
    server.log_lock = threading.Lock()
    server.seen_lock = threading.Lock()
    server.seen = set()
    port = server.server_address[1]
    if cfg.port_file:
        # Write then rename, so a test polling for the file never reads half a number.
        tmp = cfg.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, cfg.port_file)
    else:
        print(port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
