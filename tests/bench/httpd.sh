#!/bin/bash
# Benchmark: package/httpd on spt against nginx with one worker, side by
# side in one run, on this machine. Prints numbers; it checks nothing
# (tests/httpd.bats does).
#
#   tests/bench/httpd.sh [O=<dir>]   (default: output/; works in <dir>/bench-httpd)
#
#   - requests per second and p50/p99 latency (wrk, KILN_BENCH_SECONDS
#     each, default 10; KILN_BENCH_CONNECTIONS keep-alive connections,
#     default 16, on one wrk thread) for a 1 KiB and a 1 MiB file
#   - TCP bulk throughput: the 1 MiB file, again and again, on one
#     connection (MiB/s)
#
# The link: a client namespace of the benchmark's own, where wrk runs. httpd
# (kiln-spt) is behind a tap in it (10.87.9.1 the client, 10.87.9.2 httpd);
# nginx is in a second namespace at the end of a veth pair (10.87.10.1 the
# client, 10.87.10.2 nginx): the same kind of link a host has to a tap
# guest or a container.
#
# Both links have the same MTU, KILN_BENCH_MTU (default 65521, a tap's
# largest, which Kiln's lwIP port takes whole: lwipopts.h), the tap and
# the veth pair alike; that is what makes the two comparable. A tap
# without a vnet header takes one frame per write(), so the guest sends
# segments of at most the MTU, while nginx's kernel hands the veth pair
# 64 KiB GSO segments whatever its MTU: at 1500 bytes the guest would pay
# 45 writes, and the client's kernel 45 packets, for nginx's one. At 65521
# both send 64 KiB segments, each one packet through the client's kernel.
# nginx still has what a tap cannot give a guest: no checksums (the veth
# pair offloads them) and sendfile. KILN_BENCH_MTU=1500 measures the
# small-MTU link. (December 2026, this 2-core machine under other load:
# at 65521 httpd served the 1 MiB file at 0.97-1.06 times nginx's
# requests per second, one connection's bulk 0.86-1.05 times; at 1500,
# 0.18 and 0.13 times: the cost of a write per 1460 bytes.)
#
# nginx runs with a configuration of its own in a
# temporary folder (its own pid file, logs and temporary paths; one worker
# process, sendfile, no access log), never the system's; every process and
# namespace is removed at the end. Needs root (namespaces, taps), wrk and
# nginx (Debian packages wrk and nginx-light; ./scripts/setup), and lwIP's
# archive (a local mirror of Debian's source archive, tests/mirror/build-mirror).
set -u

. "$(dirname "$0")/lib.bash"
bench_args "$@"
work=$out/bench-httpd
seconds=${KILN_BENCH_SECONDS:-10}
connections=${KILN_BENCH_CONNECTIONS:-16}
mtu=${KILN_BENCH_MTU:-65521}
rm -rf "$work"
bench_log "$work/bench.log"

fail() {
	bench_fail "$1" "$log"
}

[ "$(id -u)" -eq 0 ] || fail "needs root: network namespaces and a tap device (run it as root)"
command -v wrk >/dev/null || fail "wrk is not installed (Debian package wrk; ./scripts/setup)"
command -v nginx >/dev/null || fail "nginx is not installed (Debian package nginx-light; ./scripts/setup)"
command -v ip >/dev/null || fail "ip is not installed (Debian package iproute2; ./scripts/setup)"
[ -c /dev/net/tun ] || fail "no /dev/net/tun (modprobe tun)"
case $mtu in
'' | *[!0-9]*) fail "KILN_BENCH_MTU=$mtu: want a number of bytes (68 to 65521)" ;;
esac
[ "$mtu" -ge 68 ] && [ "$mtu" -le 65521 ] || fail "KILN_BENCH_MTU=$mtu: want 68 to 65521 (a tap's largest)"

# --- clean-up: every process by its id, then the namespaces ------------------
ns_client=kiln-bench-client-$$
ns_nginx=kiln-bench-nginx-$$
spt_pid= nginx_pid=
cleanup() {
	[ -z "$spt_pid" ] || { kill "$spt_pid" 2>/dev/null; wait "$spt_pid" 2>/dev/null; }
	[ -z "$nginx_pid" ] || { kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; }
	local ns pid
	for ns in "$ns_client" "$ns_nginx"; do
		for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null; done
		ip netns del "$ns" 2>/dev/null
	done
	[ -z "${tmp:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the files, in a folder nginx's worker (nobody) can read -----------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiln-bench-httpd.XXXXXX") || fail "cannot make a temporary folder"
chmod 755 "$tmp"
www=$tmp/www
mkdir -p "$www" && chmod 755 "$www"
printf '<!DOCTYPE html>\n<title>bench</title>\n' >"$www/index.html"
head -c 1024 /dev/urandom >"$www/1k.bin"
head -c 1048576 /dev/urandom >"$www/1m.bin"
chmod 644 "$www"/*

# --- httpd for spt -------------------------------------------------------------
echo "Kiln httpd benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nginx -v 2>&1 | sed 's/.*: //'), log $log)"
mirror=$("$top/tests/mirror/build-mirror" lwip 2>>"$log") || fail "no mirror with lwIP's archive (tests/mirror/build-mirror lwip)"
{ cat "$top/configs/spt_httpd_defconfig"
  echo "KILN_HTTPD_ROOT=\"$www\""; } >"$work/defconfig"
KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror bench_make_logged O="$work/spt" defconfig DEFCONFIG="$work/defconfig" &&
	KILN_DL_DIR=$work/dl KILN_PRIMARY_SITE=file://$mirror bench_make_logged O="$work/spt" KILN_PRIMARY_SITE_ONLY=y -j2 all ||
	fail "building spt_httpd_defconfig failed"

# --- the links -------------------------------------------------------------------
in_client() { ip netns exec "$ns_client" "$@"; }
in_nginx() { ip netns exec "$ns_nginx" "$@"; }
{
	ip netns add "$ns_client" && ip netns add "$ns_nginx" &&
	in_client ip link set dev lo up && in_nginx ip link set dev lo up &&
	in_client ip tuntap add dev tap0 mode tap && in_client ip link set dev tap0 mtu "$mtu" &&
	in_client ip addr add 10.87.9.1/24 dev tap0 && in_client ip link set dev tap0 up &&
	in_client ip link add veth0 type veth peer name veth1 netns "$ns_nginx" &&
	in_client ip link set dev veth0 mtu "$mtu" && in_nginx ip link set dev veth1 mtu "$mtu" &&
	in_client ip addr add 10.87.10.1/24 dev veth0 && in_client ip link set dev veth0 up &&
	in_nginx ip addr add 10.87.10.2/24 dev veth1 && in_nginx ip link set dev veth1 up
} >>"$log" 2>&1 || fail "setting up the namespaces, tap and veth pair failed"

# --- the servers --------------------------------------------------------------------
# Started with ip netns exec itself (not through a function, whose subshell
# would be $!): ip execs the server, so $! is the server's own id.
ip netns exec "$ns_client" "$work/spt/host/bin/kiln-spt" --mem=64 --net:service0=tap0 "$work/spt/images/httpd.spt" \
	--ipv4=10.87.9.2/24 >"$work/httpd.console" 2>&1 &
spt_pid=$!

mkdir -p "$tmp/nginx/tmp"
chmod 755 "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
# tests/bench/httpd.sh's nginx: one worker, its files in $tmp/nginx.
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	client_body_temp_path $tmp/nginx/tmp/body;
	proxy_temp_path $tmp/nginx/tmp/proxy;
	fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
	uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
	scgi_temp_path $tmp/nginx/tmp/scgi;
	types { text/html html; application/octet-stream bin; }
	default_type application/octet-stream;
	server {
		listen 10.87.10.2:80;
		root $www;
	}
}
EOF
ip netns exec "$ns_nginx" nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" >>"$log" 2>&1 &
nginx_pid=$!

# ready URL: wait until URL answers 200 (10 s at most).
ready() {
	local i
	for i in $(seq 100); do
		[ "$(in_client curl -s -o /dev/null -w '%{http_code}' -m 2 "$1")" = 200 ] && return 0
		sleep 0.1
	done
	return 1
}
ready http://10.87.9.2/1k.bin || { cat "$work/httpd.console" >>"$log"; fail "httpd on spt did not answer"; }
ready http://10.87.10.2/1k.bin || { cat "$tmp/nginx/error.log" >>"$log" 2>/dev/null; fail "nginx did not answer"; }
# Both serve the same bytes.
for f in 1k.bin 1m.bin; do
	in_client curl -s -o "$tmp/spt.$f" "http://10.87.9.2/$f" && in_client curl -s -o "$tmp/nginx.$f" "http://10.87.10.2/$f" &&
		cmp -s "$tmp/spt.$f" "$www/$f" && cmp -s "$tmp/nginx.$f" "$www/$f" || fail "$f: a server sent other bytes"
done

# --- measuring --------------------------------------------------------------------
# wrk's durations (123.45us, 1.23ms, 2.00s) in ms; its sizes per second
# (1.23GB) in MiB/s.
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = u == "us" ? 0.001 : u == "ms" ? 1 : u == "s" ? 1000 : u == "m" ? 60000 : -1
		if (f < 0) print "?"; else printf "%.3f", n * f }'
}
to_mibs() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = u == "B" ? 1 / 1048576 : u == "KB" ? 1 / 1024 : u == "MB" ? 1 : u == "GB" ? 1024 : -1
		if (f < 0) print "?"; else printf "%.1f", n * f }'
}

# measure NAME URL CONNECTIONS: one wrk run; prints "rps p50 p99 MiB/s errors".
measure() {
	local out rps p50 p99 rate errors
	out=$(in_client wrk -t1 -c"$3" -d"${seconds}s" --latency "$2" 2>&1)
	printf '\n$ wrk -t1 -c%s -d%ss --latency %s  (%s)\n%s\n' "$3" "$seconds" "$2" "$1" "$out" >>"$log"
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
	p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
	rate=$(awk '/^Transfer\/sec:/ { print $2 }' <<<"$out")
	errors=$(awk '/Socket errors|Non-2xx/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")
	[ -n "$rps" ] || { echo "? ? ? ? wrk failed (see $log)"; return; }
	printf '%.0f %s %s %s %s\n' "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$(to_mibs "$rate")" "${errors:-none}"
}

printf '\n%-28s %-8s %12s %10s %10s %10s  %s\n' test server requests/s "p50 ms" "p99 ms" MiB/s errors
for row in "1 KiB file:1k.bin:$connections" "1 MiB file:1m.bin:$connections" "bulk, 1 connection:1m.bin:1"; do
	IFS=: read -r label file conns <<<"$row"
	for server in "httpd spt:10.87.9.2" "nginx 1 worker:10.87.10.2"; do
		name=${server%%:*} addr=${server#*:}
		read -r rps p50 p99 rate errors <<<"$(measure "$name" "http://$addr/$file" "$conns")"
		printf '%-28s %-8s %12s %10s %10s %10s  %s\n' "$label ($conns conn)" "${name%% *}" "$rps" "$p50" "$p99" "$rate" "$errors"
	done
done
echo
echo "wrk: one thread, keep-alive, ${seconds} s per row; httpd behind a tap, nginx behind a veth pair, both links of MTU $mtu; the same files."
echo "This machine's other load makes these numbers noisy: compare the two servers of one run, not runs."
kill -0 "$spt_pid" 2>/dev/null || { cat "$work/httpd.console" >>"$log"; fail "httpd stopped during the benchmark"; }
