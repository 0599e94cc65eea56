#!/usr/bin/env bats
# package/httpd: a static HTTP/1.1 server on lwIP, end to end on spt (and
# on hvt: files fetched, where hvt runs: the VM of tests/lib/common.bash
# when this machine's KVM will not do, with the namespace made there).
#
# The image is built once, serving a folder of test files this suite makes
# (text, random bytes up to 1 MiB, an empty file, names with blanks, a
# hidden file), with lwIP from a local mirror of Debian's source archive
# (tests/mirror/build-mirror; KILN_PRIMARY_SITE_ONLY=y) and a 3-second
# time limit, so that the tests of slow clients are quick. Each test boots
# it in a network namespace of its own, on a tap with the host's address
# 10.87.1.1/24; the server gets 10.87.1.2/24. Nothing leaves the namespace.
#   clients: curl, tests/lib/http-client.py (exact bytes, keep-alive,
#            concurrent connections)

load lib/common
load lib/dl-helpers
load lib/guest-net

HTTP_CLIENT=$KILN_TOP/tests/lib/http-client.py
HOST_ADDR=10.87.1.1
GUEST_ADDR=10.87.1.2
O=$KILN_SUITE_TMP/spt
HVT_O=$KILN_SUITE_TMP/hvt
VIRT_O=$KILN_SUITE_TMP/virt
WWW=$KILN_SUITE_TMP/www
# The statistics page (KILN_HTTPD_STATS_PATH): counters and mallinfo2.
STATS_PATH=/kiln-stats

# make_site DIR: the files the server serves.
make_site() {
	local d=$1
	rm -rf "$d"
	mkdir -p "$d/sub dir" "$d/deep/a/b"
	printf '<!DOCTYPE html>\n<title>test</title>\n<p>index</p>\n' >"$d/index.html"
	printf 'body { color: #333; }\n' >"$d/style.css"
	printf 'console.log("kiln");\n' >"$d/app.js"
	printf '{"kiln": true}\n' >"$d/data.json"
	printf 'plain text\n' >"$d/notes.txt"
	head -c 1024 /dev/urandom >"$d/1k.bin"
	head -c 1048576 /dev/urandom >"$d/1m.bin"
	head -c 3000 /dev/urandom >"$d/image.png"
	head -c 777 /dev/urandom >"$d/no-extension"
	: >"$d/empty.txt"
	printf '<p>sub index</p>\n' >"$d/sub dir/index.html"
	printf '<p>page one</p>\n' >"$d/sub dir/page one.html"
	printf '<svg xmlns="http://www.w3.org/2000/svg"/>\n' >"$d/deep/a/b/c.svg"
	printf 'secret\n' >"$d/.hidden"
}

setup_file() {
	kiln_mirror_start lwip || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0
	make_site "$WWW"
	rm -rf "$O" "$O.log"
	mkdir -p "$O"
	{ cat "$KILN_TOP/configs/spt_httpd_defconfig"
	  echo "KILN_HTTPD_ROOT=\"$WWW\""
	  echo "KILN_HTTPD_TIMEOUT=3"
	  echo "KILN_HTTPD_STATS_PATH=\"$STATS_PATH\""; } >"$KILN_SUITE_TMP/test_defconfig"
	kiln_make_logged "$O.log" "$O" defconfig DEFCONFIG="$KILN_SUITE_TMP/test_defconfig" >&3 &&
		kiln_make_logged "$O.log" "$O" KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	# The same on hvt.
	rm -rf "$HVT_O" "$HVT_O.log"
	mkdir -p "$HVT_O"
	sed 's/^KILN_PLATFORM_SPT=y/KILN_PLATFORM_HVT=y/' "$KILN_SUITE_TMP/test_defconfig" \
		>"$KILN_SUITE_TMP/test_hvt_defconfig"
	kiln_make_logged "$HVT_O.log" "$HVT_O" defconfig DEFCONFIG="$KILN_SUITE_TMP/test_hvt_defconfig" >&3 &&
		kiln_make_logged "$HVT_O.log" "$HVT_O" KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	# And on aarch64: the virtio platform on QEMU's virt board.
	rm -rf "$VIRT_O" "$VIRT_O.log"
	mkdir -p "$VIRT_O"
	sed 's/^KILN_PLATFORM_SPT=y/KILN_ARCH_AARCH64=y\nKILN_PLATFORM_VIRTIO=y\nKILN_VIRTIO_QEMU_VIRT=y/' \
		"$KILN_SUITE_TMP/test_defconfig" >"$KILN_SUITE_TMP/test_virt_defconfig"
	kiln_make_logged "$VIRT_O.log" "$VIRT_O" defconfig DEFCONFIG="$KILN_SUITE_TMP/test_virt_defconfig" >&3 &&
		kiln_make_logged "$VIRT_O.log" "$VIRT_O" KILN_PRIMARY_SITE_ONLY=y -j2 all >&3 || true
	httpd_stop
}

teardown_file() {
	httpd_stop
}

setup() {
	guest_net_setup httpd
	kiln_require_cmd curl curl
	kiln_require_cmd python3 python3
}

teardown() {
	guest_net_teardown
}

# start_httpd [hvt|virt]: boot the image (spt's, hvt's, or the aarch64
# virtio one's under kiln-qemu) in the namespace (console in $GUEST_LOG)
# and wait until it serves. Fails, showing the console, if it does not.
start_httpd() {
	local p=${1:-spt} o=$O launcher
	case $p in
	spt) launcher=$O/host/bin/kiln-spt ;;
	hvt) o=$HVT_O launcher=$HVT_O/host/bin/kiln-hvt ;;
	virt) o=$VIRT_O p=virtio launcher="$KILN_TOP/boot/virtio/kiln-qemu --machine=virt" ;;
	esac
	assert_file "$o/images/httpd.$p" "$o.log" || return 1
	GUEST_LOG=$BATS_TEST_TMPDIR/guest.log
	# shellcheck disable=SC2086 # the launcher is a command and its options
	in_ns timeout --kill-after=5 600 $launcher --mem=64 \
		--net:service0=tap0 "$o/images/httpd.$p" --ipv4="$GUEST_ADDR/24" >"$GUEST_LOG" 2>&1 3>&- &
	GUEST_PID=$!
	local waited=0
	until grep -q "^httpd: serving" "$GUEST_LOG"; do
		if ! kill -0 "$GUEST_PID" 2>/dev/null || [ "$waited" -ge $((KILN_BOOT_TIMEOUT * 10)) ]; then
			echo "httpd did not get to serve; its console:"
			cat "$GUEST_LOG"
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}

# raw [OPTIONS]: the request on stdin sent as is (http-client.py raw);
# bats' run sets status and output.
raw() {
	in_ns "$HTTP_CLIENT" raw "$GUEST_ADDR" 80 "$@"
}

# served_ok: a plain GET still works (the server kept serving).
served_ok() {
	run in_ns curl -s -o /dev/null -w '%{http_code}' "http://$GUEST_ADDR/notes.txt"
	[ "$output" = 200 ] || { echo "GET /notes.txt afterwards: '$output'"; cat "$GUEST_LOG"; return 1; }
}

# ---- build -------------------------------------------------------------------

@test "spt_httpd_defconfig builds with a folder named in the configuration, embedded" {
	assert_file "$O/images/httpd.spt" "$O.log"
	grep -q "GEN *build/httpd/files/files.S" "$O.log"
	grep -qx "KILN_HTTPD_ROOT=\"$WWW\"" "$O/.config"
	# The biggest file is in the image, whole.
	[ "$(stat -c %s "$O/images/httpd.spt")" -gt 1048576 ]
	# Hidden files are not served, so not embedded either.
	run grep -c -e "secret" -e '\.hidden' "$O/build/httpd/files/files.S"
	[ "$output" = 0 ]
}

# ---- what is served ---------------------------------------------------------

@test "spt: curl fetches every file over one keep-alive connection, byte for byte" {
	start_httpd
	local args=() f url i=0 files=()
	while IFS= read -r f; do
		files+=("$f")
		url=$(printf '%s' "$f" | sed 's/ /%20/g')
		args+=("http://$GUEST_ADDR/$url" -o "$BATS_TEST_TMPDIR/got.$i")
		i=$((i + 1))
	done < <(cd "$WWW" && find . -name '.?*' -prune -o -type f -print | sed 's|^\./||' | sort)
	[ ${#files[@]} -eq 13 ] || { echo "want 13 files, found ${#files[@]}"; return 1; }
	run in_ns curl -s -w '%{http_code} %{num_connects} %{size_download}\n' "${args[@]}"
	assert_status 0
	local lines=()
	mapfile -t lines <<<"$output"
	for i in "${!files[@]}"; do
		f=${files[$i]}
		cmp "$WWW/$f" "$BATS_TEST_TMPDIR/got.$i" || { echo "/$f differs"; return 1; }
		# 200, the body's size, and one connection for all (the first
		# makes it, every other one reuses it).
		local want_connects=0
		[ "$i" -gt 0 ] || want_connects=1
		[ "${lines[$i]}" = "200 $want_connects $(stat -c %s "$WWW/$f")" ] ||
			{ echo "/$f: '${lines[$i]}'"; printf '%s\n' "${lines[@]}"; return 1; }
	done
}

@test "spt: Content-Type from the extension, Content-Length the file's size" {
	start_httpd
	local spec f type
	for spec in "index.html|text/html; charset=utf-8" "style.css|text/css; charset=utf-8" \
		"app.js|text/javascript; charset=utf-8" "data.json|application/json" \
		"notes.txt|text/plain; charset=utf-8" "image.png|image/png" \
		"deep/a/b/c.svg|image/svg+xml" "no-extension|application/octet-stream" \
		"1m.bin|application/octet-stream" "empty.txt|text/plain; charset=utf-8"; do
		f=${spec%%|*} type=${spec#*|}
		run in_ns curl -s -D - -o /dev/null "http://$GUEST_ADDR/$f"
		assert_status 0
		output=$(tr -d '\r' <<<"$output")
		assert_output_has "HTTP/1.1 200 OK"
		assert_output_has "Content-Type: $type"
		assert_output_has "Content-Length: $(stat -c %s "$WWW/$f")"
		assert_output_matches "^Date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT$"
	done
}

@test "spt: / and a folder's / serve its index.html; a missing or hidden file is 404" {
	start_httpd
	run in_ns curl -s "http://$GUEST_ADDR/"
	[ "$output" = "$(cat "$WWW/index.html")" ]
	run in_ns curl -s "http://$GUEST_ADDR/sub%20dir/"
	[ "$output" = "$(cat "$WWW/sub dir/index.html")" ]
	run in_ns curl -s "http://$GUEST_ADDR/sub%20dir/page%20one.html?x=1"
	[ "$output" = "$(cat "$WWW/sub dir/page one.html")" ]
	local path
	for path in /missing.html /.hidden /deep/ /sub%20dir /index.html/ ; do
		run in_ns curl -s -o /dev/null -w '%{http_code}' "http://$GUEST_ADDR$path"
		[ "$output" = 404 ] || { echo "$path: '$output', want 404"; return 1; }
	done
}

@test "spt: HEAD has the headers of GET and no body; other methods get 405 with Allow" {
	start_httpd
	run raw <<<"$(printf 'HEAD /1k.bin HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r')"
	assert_output_has "HTTP/1.1 200 OK"
	assert_output_has "Content-Length: 1024"
	assert_output_has "Content-Type: application/octet-stream"
	# Nothing after the head: its last line is the empty one.
	[ "$(tr -d '\r' <<<"$output" | sed -n '/^$/,$p' | sed '1d;$d')" = "" ] ||
		{ echo "a body came with HEAD:"; echo "$output"; return 1; }
	local m
	for m in POST PUT DELETE OPTIONS PATCH BREW; do
		run in_ns curl -s -X "$m" -D - -o /dev/null "http://$GUEST_ADDR/index.html"
		output=$(tr -d '\r' <<<"$output")
		assert_output_has "HTTP/1.1 405 Method Not Allowed"
		assert_output_has "Allow: GET, HEAD"
	done
	served_ok
}

# ---- malformed requests -------------------------------------------------------

@test "spt: garbage, a missing Host, a bad version or target get 400 or 505, then the close" {
	start_httpd
	local req want n=0
	while IFS='|' read -r req want; do
		run raw <<<"$(printf "$req")"
		assert_output_has "HTTP/1.1 $want"
		assert_output_has "Connection: close"
		assert_output_matches "^closed after"
		n=$((n + 1))
	done <<-'EOF'
		\x00\x01\x02 garbage\r\n\r|400 Bad Request
		GET / HTTP/1.1\r\n\r|400 Bad Request
		GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r|400 Bad Request
		GET / HTTP/2.0\r\nHost: t\r\n\r|505 HTTP Version Not Supported
		GET / HTTP/1.1 extra\r\nHost: t\r\n\r|400 Bad Request
		GET index.html HTTP/1.1\r\nHost: t\r\n\r|400 Bad Request
		GET /%%zz HTTP/1.1\r\nHost: t\r\n\r|400 Bad Request
		GET / HTTP/1.1\r\nHost : t\r\n\r|400 Bad Request
		GET / HTTP/1.1\r\nHost: t\r\n folded\r\n\r|400 Bad Request
		GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r|400 Bad Request
	EOF
	[ "$n" -eq 10 ] || { echo "$n of the 10 requests were tried"; return 1; }
	served_ok
}

@test "spt: a request line or headers over 8 KiB get 414 or 431, and the server keeps serving" {
	start_httpd
	run raw < <(printf 'GET /'; head -c 9000 /dev/zero | tr '\0' a; printf ' HTTP/1.1\r\nHost: t\r\n\r\n')
	assert_output_has "HTTP/1.1 414 URI Too Long"
	assert_output_matches "^closed after"
	run raw < <(printf 'GET / HTTP/1.1\r\nHost: t\r\n'; for i in $(seq 300); do printf 'X-Pad-%d: %040d\r\n' "$i" "$i"; done; printf '\r\n')
	assert_output_has "HTTP/1.1 431 Request Header Fields Too Large"
	assert_output_matches "^closed after"
	served_ok
}

@test "spt: a client sending one byte a second gets 408 at the time limit; others are served meanwhile" {
	start_httpd
	printf 'GET /index.html HTTP/1.1\r\nHost: t\r\n\r\n' |
		in_ns "$HTTP_CLIENT" raw "$GUEST_ADDR" 80 --byte-every 1 >"$BATS_TEST_TMPDIR/slow.out" 2>&1 &
	local slow=$!
	sleep 1
	run in_ns "$HTTP_CLIENT" keepalive "$GUEST_ADDR" 80 /1k.bin "$WWW/1k.bin" 100
	assert_status 0
	wait "$slow"
	output=$(cat "$BATS_TEST_TMPDIR/slow.out")
	assert_output_has "HTTP/1.1 408 Request Timeout"
	# The time limit is 3 s (this suite's configuration).
	assert_output_matches "^closed after [3-5]\.[0-9] s$"
}

@test "spt: a half-closed connection gets its responses, then the close" {
	start_httpd
	run raw --half-close <<<"$(printf 'GET /notes.txt HTTP/1.1\r\nHost: t\r\n\r\nGET /data.json HTTP/1.1\r\nHost: t\r\n\r')"
	assert_output_has "plain text"
	assert_output_has '{"kiln": true}'
	assert_output_matches "^closed after 0\.[0-9] s$"
	# A half-close in the middle of a request: no response, a close.
	run raw --half-close <<<"$(printf 'GET /notes.txt HTTP/1.1\r\nHost:')"
	assert_output_lacks "HTTP/1.1"
	assert_output_matches "^closed after"
	served_ok
}

@test "spt: HTTP/1.0 closes after the response unless it asks for keep-alive" {
	start_httpd
	run raw <<<"$(printf 'GET /notes.txt HTTP/1.0\r\n\r')"
	assert_output_has "Connection: close"
	assert_output_matches "^closed after 0\.[0-9] s$"
	run raw <<<"$(printf 'GET /notes.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r')"
	assert_output_has "Connection: keep-alive"
	# Kept until the idle time limit (3 s) closes it.
	assert_output_matches "^closed after [3-5]\.[0-9] s$"
}

# ---- load -------------------------------------------------------------------------

@test "spt: 1000 keep-alive requests on one connection, all right" {
	start_httpd
	run in_ns "$HTTP_CLIENT" keepalive "$GUEST_ADDR" 80 /index.html "$WWW/index.html" 1000
	assert_status 0
	assert_output_has "connection 0: 1000 responses right"
}

@test "spt: 64 connections at once, each 10 requests of 1 KiB and 2 of 1 MiB, all right" {
	start_httpd
	run in_ns "$HTTP_CLIENT" concurrent "$GUEST_ADDR" 80 /1k.bin "$WWW/1k.bin" 64 10
	assert_status 0
	[ "$(grep -c ': 10 responses right$' <<<"$output")" -eq 64 ] || { echo "$output"; return 1; }
	run in_ns "$HTTP_CLIENT" concurrent "$GUEST_ADDR" 80 /1m.bin "$WWW/1m.bin" 64 2
	assert_status 0
	[ "$(grep -c ': 2 responses right$' <<<"$output")" -eq 64 ] || { echo "$output"; return 1; }
}

@test "spt: connections over the limit (64) are reset while the 64 open ones are served" {
	start_httpd
	run in_ns python3 - "$GUEST_ADDR" <<-'EOF'
		import socket, sys, time
		host = sys.argv[1]
		held = [socket.create_connection((host, 80), timeout=10) for _ in range(64)]
		time.sleep(0.5)
		# The reset may come while connect() still waits for its
		# result (the server accepts, then aborts), or after the request.
		try:
		    extra = socket.create_connection((host, 80), timeout=10)
		    extra.sendall(b"GET /notes.txt HTTP/1.1\r\nHost: t\r\n\r\n")
		    print("extra:", extra.recv(100) or b"closed")
		except (ConnectionResetError, BrokenPipeError) as e:
		    print("extra: reset (%s)" % e)
		ok = 0
		for s in held:
		    s.sendall(b"GET /notes.txt HTTP/1.1\r\nHost: t\r\n\r\n")
		    ok += s.recv(4096).startswith(b"HTTP/1.1 200 OK")
		print("held: %d of 64 served" % ok)
	EOF
	assert_output_has "extra: reset"
	assert_output_has "held: 64 of 64 served"
	run cat "$GUEST_LOG"
	assert_output_has "httpd: refusing connections: 64 open, the limit"
}

# ---- large-MTU links ---------------------------------------------------------------

# tap_frames_in: frames the guest has written to tap0 so far (the tap's
# receive count: what the guest sends, the host's kernel receives).
tap_frames_in() {
	in_ns cat /sys/class/net/tap0/statistics/rx_packets
}

@test "spt: on a tap of MTU 65521 (a tap's largest) the 1 MiB file goes out in 64 KiB segments, byte for byte" {
	in_ns ip link set dev tap0 mtu 65521
	start_httpd
	run cat "$GUEST_LOG"
	assert_output_has "mtu 65521"
	local before after
	before=$(tap_frames_in)
	run in_ns curl -s -o "$BATS_TEST_TMPDIR/1m.bin" "http://$GUEST_ADDR/1m.bin"
	assert_status 0
	cmp "$WWW/1m.bin" "$BATS_TEST_TMPDIR/1m.bin"
	after=$(tap_frames_in)
	# 1 MiB in segments of up to 65481 bytes is 17 frames, with the
	# handshake, ARP and the close some more; in 1460-byte segments it
	# would be over 700.
	echo "frames from the guest: $((after - before))"
	[ $((after - before)) -le 40 ]
}

@test "spt: 64 connections at once on a tap of MTU 65521, 2 of 1 MiB each, all right" {
	in_ns ip link set dev tap0 mtu 65521
	start_httpd
	run in_ns "$HTTP_CLIENT" concurrent "$GUEST_ADDR" 80 /1m.bin "$WWW/1m.bin" 64 2
	assert_status 0
	[ "$(grep -c ': 2 responses right$' <<<"$output")" -eq 64 ] || { echo "$output"; return 1; }
	served_ok
}

# ---- hvt ------------------------------------------------------------------------

# fetch_files: curl fetches four files over one keep-alive connection, each
# byte for byte, and a missing one is 404.
fetch_files() {
	local f args=() i=0
	for f in index.html 1k.bin 1m.bin "sub dir/page one.html"; do
		args+=("http://$GUEST_ADDR/${f// /%20}" -o "$BATS_TEST_TMPDIR/got.$i")
		i=$((i + 1))
	done
	run in_ns curl -s -w '%{http_code} %{num_connects}\n' "${args[@]}"
	assert_status 0
	[ "$(printf '%s\n' "$output" | tr '\n' ' ')" = "200 1 200 0 200 0 200 0 " ] ||
		{ echo "curl: $output"; cat "$GUEST_LOG"; return 1; }
	i=0
	for f in index.html 1k.bin 1m.bin "sub dir/page one.html"; do
		cmp "$WWW/$f" "$BATS_TEST_TMPDIR/got.$i" || { echo "/$f differs"; return 1; }
		i=$((i + 1))
	done
	run in_ns curl -s -o /dev/null -w '%{http_code}' "http://$GUEST_ADDR/missing"
	[ "$output" = 404 ]
}

@test "hvt: curl fetches files byte for byte, keep-alive; a missing one is 404" {
	start_httpd hvt
	fetch_files
}

@test "virtio on aarch64 (QEMU virt): curl fetches files byte for byte, keep-alive; a missing one is 404" {
	kiln_require_cmd qemu-system-aarch64 qemu-system-arm
	start_httpd virt
	fetch_files
}

# ---- memory -----------------------------------------------------------------

# stats_value NAME: NAME's value on the statistics page (a connection of
# its own).
stats_value() {
	in_ns curl -sS -m 10 "http://$GUEST_ADDR$STATS_PATH" | sed -n "s/^$1=//p"
}

# settle: wait until the only open connection is the statistics page's own
# (the churn's last ones closed), up to 10 s.
settle() {
	local i
	for i in $(seq 100); do
		[ "$(stats_value connections_open)" = 1 ] && return 0
		sleep 0.1
	done
	echo "connections still open 10 s after the churn: $(stats_value connections_open)"
	return 1
}

@test "spt: the statistics page has the counters and the allocator's, as text/plain" {
	start_httpd
	run in_ns curl -sS -D - "http://$GUEST_ADDR$STATS_PATH"
	assert_status 0
	assert_output_has "Content-Type: text/plain"
	local name
	for name in connections_open connections_accepted connections_refused requests errors timeouts \
		heap_bytes in_use_bytes in_use_blocks peak_in_use_bytes free_bytes free_blocks; do
		assert_output_matches "^$name=[0-9]+\r?$"
	done
	# This request's own connection is open, and the heap is in use.
	assert_output_matches "^connections_open=1\r?$"
	assert_output_matches "^in_use_bytes=[1-9][0-9]*\r?$"
	run cat "$GUEST_LOG"
	assert_output_matches "^httpd: stats: open=1 accepted=1 requests=0 in_use_bytes=[1-9]"
}

@test "spt: 20,000 short connections (connect, GET, close) all served; memory in use stays flat" {
	start_httpd
	# Warm-up: lwIP's pools and the allocator's free lists take their
	# working shape.
	run in_ns "$HTTP_CLIENT" churn "$GUEST_ADDR" 80 /index.html "$WWW/index.html" 500 4
	assert_status 0
	settle
	local bytes0 blocks0 bytes1 blocks1 accepted0 accepted1
	bytes0=$(stats_value in_use_bytes) blocks0=$(stats_value in_use_blocks) accepted0=$(stats_value connections_accepted)
	run in_ns "$HTTP_CLIENT" churn "$GUEST_ADDR" 80 /index.html "$WWW/index.html" 20000 4
	assert_status 0
	assert_output_has "churn: 20000 of 20000 connections right"
	echo "$output"
	settle
	bytes1=$(stats_value in_use_bytes) blocks1=$(stats_value in_use_blocks) accepted1=$(stats_value connections_accepted)
	echo "in use after the warm-up: $bytes0 bytes in $blocks0 blocks; after 20,000 connections: $bytes1 bytes in $blocks1 blocks"
	[ -n "$bytes0" ] || { echo "no in_use_bytes after the warm-up"; return 1; }
	[ -n "$bytes1" ] || { echo "no in_use_bytes after the churn"; return 1; }
	[ -n "$blocks0" ] || { echo "no in_use_blocks after the warm-up"; return 1; }
	[ -n "$blocks1" ] || { echo "no in_use_blocks after the churn"; return 1; }
	# Every connection reached httpd (and the pages' own).
	[ $((accepted1 - accepted0)) -ge 20000 ]
	# Flat: no more blocks, and at most 1 KiB more, than after the warm-up
	# (one connection's 9 KiB leaking in every thousand would be 180 KiB).
	[ "$blocks1" -le "$blocks0" ]
	[ "$bytes1" -le $((bytes0 + 1024)) ]
	served_ok
}

# ---- the folder (last: it changes the suite's folder) ------------------------

@test "spt: the next make takes in a file changed, added or removed in the folder" {
	printf 'changed\n' >"$WWW/notes.txt"
	printf 'new\n' >"$WWW/new.txt"
	rm "$WWW/app.js"
	kiln_make_logged "$O.log" "$O" KILN_PRIMARY_SITE_ONLY=y -j2 all
	start_httpd
	run in_ns curl -s "http://$GUEST_ADDR/notes.txt"
	[ "$output" = changed ] || { echo "notes.txt: '$output'"; return 1; }
	run in_ns curl -s "http://$GUEST_ADDR/new.txt"
	[ "$output" = new ] || { echo "new.txt: '$output'"; return 1; }
	run in_ns curl -s -o /dev/null -w '%{http_code}' "http://$GUEST_ADDR/app.js"
	[ "$output" = 404 ] || { echo "app.js: '$output', want 404"; return 1; }
	# Nothing changed since: nothing is made again.
	run kiln_make "$O" KILN_PRIMARY_SITE_ONLY=y all
	assert_status 0
	assert_output_lacks "files.S"
	assert_output_lacks "LD"
}
