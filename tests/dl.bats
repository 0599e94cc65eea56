#!/usr/bin/env bats
# kiln-dl, the downloader: every path of it against tests/lib/httpd.py on 127.0.0.1.

load lib/dl-helpers

setup_file() {
	export KILN_ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	dl_build
	export SRV="$BATS_FILE_TMPDIR/srv" HASH="$BATS_FILE_TMPDIR/test.hash"
	mkdir -p "$SRV"
	printf '# test archives\nsha1  0123456789abcdef0123456789abcdef01234567  a.tar.gz\n' >"$HASH"
	make_archive "$SRV/a.tar.gz" 65536 "$HASH"
	make_archive "$SRV/c.tar.gz" 65536 "$HASH" # served slowly: ~1 s at 64 kB/s
	export A_SHA="$(sha256_of "$SRV/a.tar.gz")"
	# Retries wait 20 ms, 40 ms, ... instead of 1 s, 2 s, ...
	export KILN_DL_BACKOFF_MS=20
	httpd_start "$SRV"
	export OFF="http://127.0.0.1:$(refused_port)"
}

teardown_file() {
	httpd_stop
}

teardown() {
	if [ -n "${TLS_PID:-}" ]; then
		kill "$TLS_PID" 2>/dev/null || true
	fi
}

setup() {
	: >"$HTTPD_LOG"
	CACHE="$BATS_TEST_TMPDIR/dl/pkg"
	OUT="$CACHE/a.tar.gz"
}

# The file in the cache is the served one, and nothing else is left beside it.
assert_cached_ok() {
	[ "$(sha256_of "$OUT")" = "$A_SHA" ]
	[ ! -e "$OUT.part" ]
}

@test "fetches a file over http into the cache" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	grep -q '^GET /a.tar.gz range=- status=200$' "$HTTPD_LOG"
}

@test "without a terminal it prints one line to start and one to finish" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = ">>> downloading a.tar.gz from $HTTP/a.tar.gz" ]
	[[ "${lines[1]}" == ">>> downloaded a.tar.gz: 64.0 KiB in "*", sha256 ok" ]]
	[ "${#lines[@]}" -eq 2 ]
}

@test "-q prints nothing on success" {
	run "$KILN_DL" -q -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	assert_cached_ok
}

@test "on a terminal it draws a progress bar" {
	command -v script >/dev/null || skip "script(1) from util-linux is not installed"
	run script -qec "'$KILN_DL' -o '$OUT' -H '$HASH' '$HTTP/a.tar.gz'" /dev/null
	[ "$status" -eq 0 ]
	[[ "$output" == *"a.tar.gz ["*"#] 100% 64.0 KiB / 64.0 KiB"* ]]
	assert_cached_ok
}

@test "a file already in the cache costs no network" {
	mkdir -p "$CACHE"
	cp "$SRV/a.tar.gz" "$OUT"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$OFF/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ ! -s "$HTTPD_LOG" ]
}

@test "with no URL a cached file is checked and accepted; a missing one is a clear error" {
	mkdir -p "$CACHE"
	run "$KILN_DL" -o "$OUT" -H "$HASH"
	[ "$status" -eq 1 ]
	[[ "$output" == *"a.tar.gz is not in the cache $CACHE and there is no URL"* ]]
	cp "$SRV/a.tar.gz" "$OUT"
	run "$KILN_DL" -o "$OUT" -H "$HASH"
	[ "$status" -eq 0 ]
	[ ! -s "$HTTPD_LOG" ]
}

@test "a corrupt file in the cache is replaced" {
	mkdir -p "$CACHE"
	head -c 65536 /dev/zero >"$OUT"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$OUT in the cache is corrupt"* ]]
	assert_cached_ok
}

@test "a 404 moves on to the next URL at once, without retrying" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/404/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[ "$(grep -c 'status=404' "$HTTPD_LOG")" -eq 1 ]
	[ "$(sed -n 2p "$HTTPD_LOG")" = "GET /a.tar.gz range=- status=200" ]
}

@test "a host name that does not resolve moves on to the next URL at once, without retrying" {
	# .invalid never resolves (RFC 6761); a wait would not make it exist.
	run "$KILN_DL" -o "$OUT" -H "$HASH" "http://kiln-no-such-host.invalid/a.tar.gz" "$HTTP/a.tar.gz"
	echo "$output"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[[ "$output" == *"kiln-no-such-host.invalid/a.tar.gz: cannot resolve the host name"* ]]
	[[ "$output" != *"retrying"* ]]
	[ "$(cat "$HTTPD_LOG")" = "GET /a.tar.gz range=- status=200" ]
}

@test "a transient server error is retried on the same URL" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/flaky/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[[ "$output" == *"HTTP 503; retrying in "* ]]
	[ "$(cat "$HTTPD_LOG")" = "GET /flaky/a.tar.gz range=- status=503
GET /flaky/a.tar.gz range=- status=200" ]
}

@test "redirects are followed" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/redirect/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	grep -q 'status=302' "$HTTPD_LOG"
}

@test "a tampered file is rejected, named with its URL and both hashes, and not kept" {
	local bad
	bad="$(python3 -c 'import hashlib,sys; d=bytearray(open(sys.argv[1],"rb").read()); d[len(d)//2]^=0xFF; print(hashlib.sha256(d).hexdigest())' "$SRV/a.tar.gz")"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/tamper/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"kiln-dl: hash mismatch for a.tar.gz from $HTTP/tamper/a.tar.gz: expected $A_SHA, got $bad"* ]]
	[[ "$output" == *"could not download a.tar.gz into $CACHE"* ]]
	[ ! -e "$OUT" ]
	[ ! -e "$OUT.part" ]
}

@test "a tampered mirror falls back to the next URL" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/tamper/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[[ "$output" == *"hash mismatch for a.tar.gz"* ]]
	assert_cached_ok
}

@test "a transfer cut half-way resumes with a Range request" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/cut/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[[ "$output" == *"resuming at byte 32768"* ]]
	[ "$(sed -n 2p "$HTTPD_LOG")" = "GET /cut/a.tar.gz range=bytes=32768- status=206" ]
}

@test "a .part the server will not continue is restarted cleanly" {
	mkdir -p "$CACHE"
	head -c 1000 "$SRV/a.tar.gz" >"$OUT.part"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/norange/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	grep -q 'range=bytes=1000- status=200' "$HTTPD_LOG"
}

@test "a 206 that does not start where the .part ends is refused, and the file fetched afresh" {
	mkdir -p "$CACHE"
	head -c 1000 "$SRV/a.tar.gz" >"$OUT.part"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/badrange/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[[ "$output" != *"does not verify"* ]]
	[ "$(cat "$HTTPD_LOG")" = "GET /badrange/a.tar.gz range=bytes=1000- status=206
GET /badrange/a.tar.gz range=- status=200" ]
}

@test "a stale .part that does not verify is downloaded again from the start" {
	mkdir -p "$CACHE"
	head -c 1000 /dev/urandom >"$OUT.part"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	[[ "$output" == *"does not verify; downloading it again from the start"* ]]
	[ "$(cat "$HTTPD_LOG")" = "GET /a.tar.gz range=bytes=1000- status=206
GET /a.tar.gz range=- status=200" ]
}

@test "a complete .part left by an interrupted run is used without network" {
	mkdir -p "$CACHE"
	cp "$SRV/a.tar.gz" "$OUT.part"
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$OFF/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
}

@test "a stalled server fails within the stall timeout with a clear error" {
	local start=$SECONDS
	run "$KILN_DL" --stall-timeout 1 --retries 0 -o "$OUT" -H "$HASH" "$HTTP/stall/a.tar.gz"
	[ "$status" -eq 1 ]
	[ $((SECONDS - start)) -le 4 ]
	[[ "$output" == *"$HTTP/stall/a.tar.gz: stalled: no data for 1 s (--stall-timeout)"* ]]
	[ ! -e "$OUT" ]
}

# libcurl's low-speed average (CURLOPT_LOW_SPEED_*) would let the bytes before the stall
# hide it for seconds more.
@test "a stall after some data ends after the stall timeout, not later, and says so" {
	local start end
	start=$(date +%s%N)
	run "$KILN_DL" --stall-timeout 2 --retries 0 -o "$OUT" -H "$HASH" "$HTTP/pause/a.tar.gz"
	end=$(date +%s%N)
	[ "$status" -eq 1 ]
	# 2 s of silence after the first half, and at most about a second more (libcurl calls
	# the progress callback at least once a second).
	local ms=$(((end - start) / 1000000))
	echo "took $ms ms"
	[ "$ms" -ge 2000 ]
	[ "$ms" -le 3200 ]
	[[ "$output" == *"$HTTP/pause/a.tar.gz: stalled: no data for 2 s (--stall-timeout)"* ]]
	# What arrived is kept, to be resumed.
	[ "$(stat -c %s "$OUT.part")" -eq 32768 ]
}

@test "a slow server that keeps sending is not a stall" {
	run "$KILN_DL" --stall-timeout 1 --retries 0 -o "$CACHE/c.tar.gz" -H "$HASH" "$HTTP/slow/c.tar.gz"
	[ "$status" -eq 0 ]
	[ "$(sha256_of "$CACHE/c.tar.gz")" = "$(sha256_of "$SRV/c.tar.gz")" ]
}

@test "a body without end is stopped at --max-size and its .part removed" {
	local start=$SECONDS
	run "$KILN_DL" --max-size 1M --retries 0 -o "$OUT" -H "$HASH" "$HTTP/endless/a.tar.gz"
	[ "$status" -eq 1 ]
	[ $((SECONDS - start)) -le 5 ]
	[[ "$output" == *"$HTTP/endless/a.tar.gz: a.tar.gz went past the size limit of 1.0 MiB (--max-size): stopped, .part removed"* ]]
	[ ! -e "$OUT" ]
	[ ! -e "$OUT.part" ]
	[ "$(du -sk "$CACHE" | cut -f1)" -lt 1024 ]
}

@test "an announced length above the default limit of 1 GiB is refused with nothing written" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "$HTTP/huge/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$HTTP/huge/a.tar.gz: a.tar.gz is larger than the size limit of 1.0 GiB (--max-size): refused"* ]]
	# The next URL is tried at once, without retrying the first.
	[ "$(grep -c '^GET /huge/' "$HTTPD_LOG")" -eq 1 ]
	assert_cached_ok
}

@test "an announced length the cache has no room for is refused before a byte is written" {
	# 1 TiB announced, within a limit of 2 TiB: the file system of the test's folder is
	# smaller.
	mkdir -p "$CACHE"
	[ "$(df -Pk "$CACHE" | awk 'NR == 2 { print $4 }')" -lt $((1 << 30)) ] ||
		skip "more than 1 TiB free here"
	run "$KILN_DL" --max-size 2T -o "$OUT" -H "$HASH" "$HTTP/huge/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"kiln-dl: a.tar.gz: no room for it in $CACHE: 1.0 TiB to download from $HTTP/huge/a.tar.gz, "*" free"* ]]
	[ ! -e "$OUT" ]
	[ ! -e "$OUT.part" ]
	# Local, so no other URL is tried.
	[ "$(grep -c '^GET /a.tar.gz' "$HTTPD_LOG")" -eq 0 ]
}

@test "a file a byte above --max-size is refused; one at the limit downloads" {
	run "$KILN_DL" --max-size 65535 -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$HTTP/a.tar.gz: a.tar.gz is larger than the size limit of "*" (--max-size)"* ]]
	[ ! -e "$OUT" ]
	[ ! -e "$OUT.part" ]
	run "$KILN_DL" --max-size 64K -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
}

@test "a resumed .part counts toward --max-size" {
	mkdir -p "$CACHE"
	head -c 32768 "$SRV/a.tar.gz" >"$OUT.part"
	run "$KILN_DL" --max-size 40000 -o "$OUT" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"a.tar.gz is 64.0 KiB, above the size limit of 39.1 KiB (--max-size): refused, nothing written"* ]]
	[ ! -e "$OUT.part" ]
}

@test "a server that never answers fails within the stall timeout" {
	local start=$SECONDS
	run "$KILN_DL" --stall-timeout 1 --retries 0 -o "$OUT" -H "$HASH" "$HTTP/hang/a.tar.gz"
	[ "$status" -eq 1 ]
	[ $((SECONDS - start)) -le 4 ]
	[[ "$output" == *"stalled: no data for 1 s"* ]]
}

@test "offline with an empty cache: the error names the file, the cache and every URL" {
	run "$KILN_DL" --retries 2 -o "$OUT" -H "$HASH" "$OFF/primary/a.tar.gz" "$OFF/upstream/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"could not download a.tar.gz into $CACHE; tried:"* ]]
	[[ "$output" == *"  $OFF/primary/a.tar.gz: cannot connect"*"(3 attempts)"* ]]
	[[ "$output" == *"  $OFF/upstream/a.tar.gz: cannot connect"*"(3 attempts)"* ]]
	[ ! -e "$OUT" ]
	[ ! -e "$OUT.part" ]
}

@test "two downloads of one file at once both succeed, with one transfer" {
	local out="$CACHE/c.tar.gz"
	"$KILN_DL" -o "$out" -H "$HASH" "$HTTP/slow/c.tar.gz" >"$BATS_TEST_TMPDIR/1.log" 2>&1 3>&- &
	local first=$!
	"$KILN_DL" -o "$out" -H "$HASH" "$HTTP/slow/c.tar.gz" >"$BATS_TEST_TMPDIR/2.log" 2>&1 3>&- &
	local second=$!
	local rc1=0 rc2=0
	wait "$first" || rc1=$?
	wait "$second" || rc2=$?
	cat "$BATS_TEST_TMPDIR"/[12].log
	[ "$rc1" -eq 0 ]
	[ "$rc2" -eq 0 ]
	[ "$(sha256_of "$out")" = "$(sha256_of "$SRV/c.tar.gz")" ]
	[ "$(grep -c '^GET /slow/c.tar.gz' "$HTTPD_LOG")" -eq 1 ]
	# Both really overlapped: one of them waited for the other's lock.
	cat "$BATS_TEST_TMPDIR"/[12].log | grep -q 'waiting for another kiln-dl fetching c.tar.gz'
}

@test "file:// URLs work" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "file://$SRV/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
}

@test "a missing file:// falls through to the next URL" {
	run "$KILN_DL" -o "$OUT" -H "$HASH" "file://$SRV/none/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
}

@test "https works; an untrusted certificate moves on to the next URL" {
	command -v openssl >/dev/null || skip "openssl is not installed"
	local tls="$BATS_TEST_TMPDIR/tls"
	mkdir -p "$tls"
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null
	cat "$tls/key.pem" "$tls/cert.pem" >"$tls/server.pem"
	httpd_launch "$tls/port" "$tls/log" --root "$SRV" --tls-cert "$tls/server.pem"
	TLS_PID=$LAUNCHED_PID
	local https="https://127.0.0.1:$LAUNCHED_PORT"

	run env -u CURL_CA_BUNDLE "$KILN_DL" -o "$OUT" -H "$HASH" "$https/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$https/a.tar.gz: SSL certificate problem"* ]]
	assert_cached_ok
	grep -q '^GET /a.tar.gz range=- status=200$' "$HTTPD_LOG"

	rm "$OUT"
	: >"$HTTPD_LOG"
	run env CURL_CA_BUNDLE="$tls/cert.pem" "$KILN_DL" -o "$OUT" -H "$HASH" "$https/a.tar.gz" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	grep -q '^GET /a.tar.gz range=- status=200$' "$tls/log"
	[ ! -s "$HTTPD_LOG" ]
}

@test "no sha256 for the file is a clear error, before any network" {
	run "$KILN_DL" -o "$CACHE/b.tar.gz" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[ "$output" = "kiln-dl: no sha256 for b.tar.gz in $HASH: add one" ]
	[ ! -s "$HTTPD_LOG" ]
	[ ! -e "$CACHE" ]
}

@test "only a sha1 for the file is not enough" {
	printf 'sha1  0123456789abcdef0123456789abcdef01234567  a.tar.gz\n' >"$BATS_TEST_TMPDIR/sha1.hash"
	run "$KILN_DL" -o "$OUT" -H "$BATS_TEST_TMPDIR/sha1.hash" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"no sha256 for a.tar.gz in $BATS_TEST_TMPDIR/sha1.hash: add one"* ]]
}

@test "a malformed hash file is an error naming the file and line" {
	printf '# ok\nsha256  %s\n' "$A_SHA" >"$BATS_TEST_TMPDIR/bad.hash"
	run "$KILN_DL" -o "$OUT" -H "$BATS_TEST_TMPDIR/bad.hash" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$BATS_TEST_TMPDIR/bad.hash:2: malformed line"* ]]
}

@test "any sha256 listed across the hash files is accepted" {
	printf 'sha256  %s  a.tar.gz\n' "$(printf '%064d' 0)" >"$BATS_TEST_TMPDIR/old.hash"
	printf 'sha256  %s  a.tar.gz\n' "${A_SHA^^}" >"$BATS_TEST_TMPDIR/overlay.hash"
	run "$KILN_DL" -o "$OUT" -H "$BATS_TEST_TMPDIR/old.hash" -H "$BATS_TEST_TMPDIR/overlay.hash" "$HTTP/a.tar.gz"
	[ "$status" -eq 0 ]
	assert_cached_ok
	run "$KILN_DL" -o "$OUT" -H "$BATS_TEST_TMPDIR/old.hash" "$HTTP/a.tar.gz"
	[ "$status" -eq 1 ]
	[[ "$output" == *"corrupt"* ]]
	[[ "$output" == *"expected $(printf '%064d' 0), got $A_SHA"* ]]
}

@test "SHA-256 gives the FIPS 180-4 digests: accepted when listed, reported when not" {
	local zero expected name
	zero=$(printf '%064d' 0)
	mkdir -p "$CACHE"
	: >"$CACHE/empty"
	printf abc >"$CACHE/abc"
	printf abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq >"$CACHE/two-blocks"
	head -c 1000000 /dev/zero | tr '\0' a >"$CACHE/million-a" # spans several reads
	for name in empty abc two-blocks million-a; do
		case $name in
		empty) expected=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ;;
		abc) expected=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad ;;
		two-blocks) expected=248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1 ;;
		million-a) expected=cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0 ;;
		esac
		printf 'sha256  %s  %s\n' "$expected" "$name" >"$BATS_TEST_TMPDIR/known.hash"
		run "$KILN_DL" -o "$CACHE/$name" -H "$BATS_TEST_TMPDIR/known.hash"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		# Listed with another digest: the error names the one computed.
		printf 'sha256  %s  %s\n' "$zero" "$name" >"$BATS_TEST_TMPDIR/other.hash"
		run "$KILN_DL" -o "$CACHE/$name" -H "$BATS_TEST_TMPDIR/other.hash"
		[ "$status" -eq 1 ]
		[[ "$output" == *"$CACHE/$name in the cache is corrupt (sha256 $expected,"* ]]
	done
}

@test "usage errors exit 2 and say what is missing" {
	run "$KILN_DL" -H "$HASH" "$HTTP/a.tar.gz"
	[ "$status" -eq 2 ]
	[[ "$output" == *"missing an output path (-o)"* ]]
	run "$KILN_DL" -o "$OUT" -H "$HASH" --retries many "$HTTP/a.tar.gz"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--retries wants a whole number"* ]]
	for size in 0 -1 1X 1KB 9000000T ''; do
		run "$KILN_DL" -o "$OUT" -H "$HASH" --max-size "$size" "$HTTP/a.tar.gz"
		[ "$status" -eq 2 ]
		[[ "$output" == *"--max-size wants a positive size in bytes, or with K, M, G or T (e.g. 1G), not '$size'"* ]]
	done
}
