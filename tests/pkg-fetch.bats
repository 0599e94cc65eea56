#!/usr/bin/env bats
# Getting package sources through the build: mirrors, upstream, backup, a
# verified cache, resumed and failed transfers, offline builds, a cache shared
# by two builds at once. The packages are those of tests/fixtures/pkg-tree,
# served by tests/lib/httpd.py on 127.0.0.1 (tests/lib/pkg-helpers.bash).

load lib/pkg-helpers

setup_file() {
	pkg_setup_file
}

teardown_file() {
	pkg_teardown_file
}

setup() {
	export KILN_DL_DIR="$BATS_TEST_TMPDIR/dl"
	pkg_configure
	pkg_forget_downloads
	: >"$HTTPD_LOG"
	unset KILN_PRIMARY_SITE KILN_BACKUP_SITE KILN_TEST_UPSTREAM
}

# The archive of tinycalc in the cache, and what must never be beside it.
CALC=tinycalc-1.0.tar.gz
cached() {
	echo "$KILN_DL_DIR/tinycalc/$CALC"
}

calc_sha256() {
	awk -v f="$CALC" '$1 == "sha256" && $3 == f { print $2 }' "$TREE/package/tinycalc/tinycalc.hash"
}

@test "make fetches every package through the primary mirror and builds the image" {
	KILN_PRIMARY_SITE=$HTTP run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(served "$CALC")" = "/$CALC 200" ]
	[ "$(served tinymul-1.0.tar.gz)" = "/tinymul-1.0.tar.gz 200" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
	[ ! -e "$(cached).part" ]
	[ -x "$O/images/calc-demo.spt" ]
}

@test "a primary mirror answering 404 falls through to the package's upstream site" {
	KILN_PRIMARY_SITE=$HTTP/404 KILN_TEST_UPSTREAM=$HTTP/upstream run kmake tinycalc-source
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(served "$CALC")" = "/404/$CALC 404
/upstream/tinycalc/$CALC 200" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
}

@test "the backup mirror serves when the primary and upstream both fail" {
	KILN_PRIMARY_SITE=$HTTP/404 KILN_TEST_UPSTREAM=$OFF KILN_BACKUP_SITE=$HTTP/backup \
		run kmake tinycalc-source
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(served "$CALC")" = "/404/$CALC 404
/backup/$CALC 200" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
}

@test "a tampered archive stops the build: file, URL and both hashes named, nothing cached" {
	local got
	got=$(python3 -c 'import hashlib, sys, urllib.request
print(hashlib.sha256(urllib.request.urlopen(sys.argv[1]).read()).hexdigest())' "$HTTP/tamper/$CALC")
	[ "$got" != "$(calc_sha256)" ]
	: >"$HTTPD_LOG"
	KILN_PRIMARY_SITE=$HTTP/tamper run kmake
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"hash mismatch for $CALC from $HTTP/tamper/$CALC: expected $(calc_sha256), got $got"* ]]
	[ ! -e "$(cached)" ]
	[ ! -e "$(cached).part" ]
	[ ! -e "$O/build/tinycalc-1.0" ]
	[ ! -e "$O/images/calc-demo.spt" ]
}

# The one message a corrupt archive in the cache gets, and nothing untrue
# beside it (the mirror is set, so no "there is no URL").
said_corrupt_once() {
	[ "$(printf '%s\n' "$output" | grep -c "$(cached) in the cache is corrupt")" -eq 1 ]
	[[ "$output" != *"there is no URL"* ]]
}

@test "a corrupt archive in the cache of a fresh output folder is fetched again in the same make, with one true message" {
	mkdir -p "$(dirname "$(cached)")"
	head -c 4096 /dev/urandom >"$(cached)"
	KILN_PRIMARY_SITE=$HTTP run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	said_corrupt_once
	[ "$(served "$CALC")" = "/$CALC 200" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
	[ -x "$O/images/calc-demo.spt" ]
}

@test "an archive corrupted in the cache after make source is verified at extraction and fetched again" {
	KILN_PRIMARY_SITE=$HTTP run kmake source
	[ "$status" -eq 0 ]
	head -c 4096 /dev/urandom >"$(cached)"
	: >"$HTTPD_LOG"
	KILN_PRIMARY_SITE=$HTTP run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	said_corrupt_once
	[ "$(served "$CALC")" = "/$CALC 200" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
	[ -x "$O/images/calc-demo.spt" ]
}

@test "a well-formed but different archive put in the cache is refused, never extracted" {
	KILN_PRIMARY_SITE=$HTTP run kmake source
	[ "$status" -eq 0 ]
	# The same layout as the real archive, plus a file that must never be seen.
	local other="$BATS_TEST_TMPDIR/other"
	mkdir -p "$other"
	cp -R "$TREE/upstream/tinycalc-1.0" "$other/"
	echo "from the wrong archive" >"$other/tinycalc-1.0/NOT-UPSTREAM"
	tar -C "$other" -czf "$(cached)" tinycalc-1.0
	# Offline: refused, and nothing to replace it with.
	KILN_PRIMARY_SITE=$OFF run kmake
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$(cached) in the cache is corrupt"* ]]
	[ ! -e "$O/build/tinycalc-1.0" ]
	[ -z "$(find "$O/build" -name NOT-UPSTREAM)" ]
	[ ! -e "$(cached)" ]
	# Online: the real one, fetched again.
	tar -C "$other" -czf "$(cached)" tinycalc-1.0
	KILN_PRIMARY_SITE=$HTTP run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	said_corrupt_once
	[ -z "$(find "$O/build" -name NOT-UPSTREAM)" ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
	[ -x "$O/images/calc-demo.spt" ]
}

@test "a transfer cut half-way is resumed with a Range request by the next make" {
	pkg_configure KILN_DL_RETRIES=0
	KILN_PRIMARY_SITE=$HTTP/cut run kmake tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	[ ! -e "$(cached)" ]
	[ -s "$(cached).part" ]
	local kept
	kept=$(stat -c %s "$(cached).part")
	KILN_PRIMARY_SITE=$HTTP/cut run kmake tinycalc-source
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(sha256_of "$(cached)")" = "$(calc_sha256)" ]
	[ ! -e "$(cached).part" ]
	grep -qx "GET /cut/$CALC range=bytes=$kept- status=206" "$HTTPD_LOG"
}

@test "a server that accepts and stalls fails after DL_STALL_TIMEOUT with a clear error" {
	pkg_configure KILN_DL_STALL_TIMEOUT=1 KILN_DL_RETRIES=0
	local start=$SECONDS
	KILN_PRIMARY_SITE=$HTTP/stall run kmake tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	# Well before the server's 8 s of silence end.
	[ $((SECONDS - start)) -lt 7 ]
	[[ "$output" == *"$HTTP/stall/$CALC: stalled: no data for 1 s"* ]]
	[[ "$output" == *"could not download $CALC into $KILN_DL_DIR/tinycalc"* ]]
	[ ! -e "$(cached)" ]
}

@test "KILN_DL_MAX_SIZE in the environment bounds a download; DL_MAX_SIZE_MIB is the default" {
	KILN_DL_MAX_SIZE=100 KILN_PRIMARY_SITE=$HTTP run kmake tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$HTTP/$CALC: $CALC is larger than the size limit of 100 B (--max-size): refused"* ]]
	[ ! -e "$(cached)" ]
	[ ! -e "$(cached).part" ]
	KILN_PRIMARY_SITE=$HTTP run kmake V=1 tinycalc-source
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"--max-size 1024M"* ]]
}

@test "offline with an empty cache: the error names the file and the cache" {
	KILN_PRIMARY_SITE=$OFF run kmake
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"could not download $CALC into $KILN_DL_DIR/tinycalc"* ]]
	[[ "$output" == *"$OFF/$CALC"* ]]
	[ ! -e "$O/images/calc-demo.spt" ]
}

@test "a package without any site says so, naming the file and the cache" {
	run kmake tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$CALC is not in the cache $KILN_DL_DIR/tinycalc and there is no URL"* ]]
}

@test "KILN_DL_DIR and KILN_PRIMARY_SITE given once are remembered in the output folder, never writing into Kiln's tree" {
	local dl="$BATS_TEST_TMPDIR/dl-given" kiln_dl="$KILN_ROOT/dl/tinycalc"
	local had_kiln_dl=n
	[ -e "$kiln_dl" ] && had_kiln_dl=y
	unset KILN_DL_DIR
	# Given on the command line once...
	run kmake KILN_DL_DIR="$dl" KILN_PRIMARY_SITE="$HTTP" tinycalc-source
	echo "$output"
	[ "$status" -eq 0 ]
	[ -f "$dl/tinycalc/$CALC" ]
	kmake tinycalc-dirclean >/dev/null
	rm -rf "$dl"
	: >"$HTTPD_LOG"
	# ... then not: the same cache and mirror, for the whole build.
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(served "$CALC")" = "/$CALC 200" ]
	[ -f "$dl/tinycalc/$CALC" ]
	[ -x "$O/images/calc-demo.spt" ]
	[ "$had_kiln_dl" = y ] || [ ! -e "$kiln_dl" ]
	# <pkg>-rebuild's own make too.
	run kmake tinycalc-rebuild
	echo "$output"
	[ "$status" -eq 0 ]
	# Given empty, the site is forgotten (the cache stays remembered).
	kmake tinycalc-dirclean >/dev/null
	rm -rf "$dl"
	run kmake KILN_PRIMARY_SITE= tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$CALC is not in the cache $dl/tinycalc and there is no URL"* ]]
	[ "$had_kiln_dl" = y ] || [ ! -e "$kiln_dl" ]
}

@test "after make source a fresh output folder builds with no network at all" {
	KILN_PRIMARY_SITE=$HTTP run kmake source
	echo "$output"
	[ "$status" -eq 0 ]
	[ -f "$(cached)" ]
	[ -f "$KILN_DL_DIR/tinymul/tinymul-1.0.tar.gz" ]
	: >"$HTTPD_LOG"
	# A fresh output folder (the next test reuses it).
	local O="$BATS_FILE_TMPDIR/second"
	rm -rf "$O"
	pkg_configure
	KILN_PRIMARY_SITE=$OFF KILN_BACKUP_SITE=$OFF run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[ -x "$O/images/calc-demo.spt" ]
	[ ! -s "$HTTPD_LOG" ]
}

@test "two builds in two output folders sharing one cache fetch each archive once" {
	# The second output folder of the test before, if it ran (else a fresh one).
	local O2="$BATS_FILE_TMPDIR/second"
	O=$O2 pkg_configure
	O=$O2 pkg_forget_downloads
	O=$O2 kmake "$O2/host/bin/kiln-dl" >/dev/null 2>&1
	# Both builds start downloading at once; a slow server keeps them overlapping.
	export KILN_PRIMARY_SITE=$HTTP/slow
	kmake >"$BATS_TEST_TMPDIR/first.log" 2>&1 &
	local first=$!
	O=$O2 kmake >"$BATS_TEST_TMPDIR/second.log" 2>&1 &
	local second=$!
	local s1=0 s2=0
	wait $first || s1=$?
	wait $second || s2=$?
	cat "$BATS_TEST_TMPDIR/first.log" "$BATS_TEST_TMPDIR/second.log"
	[ $s1 -eq 0 ]
	[ $s2 -eq 0 ]
	[ -x "$O/images/calc-demo.spt" ]
	[ -x "$O2/images/calc-demo.spt" ]
	[ "$(served "$CALC")" = "/slow/$CALC 200" ]
	[ "$(served tinymul-1.0.tar.gz)" = "/slow/tinymul-1.0.tar.gz 200" ]
}

@test "an alternative archive (a repack, with its own hash) is taken from a mirror when the upstream archive is missing" {
	# The mirror has only a repack of tinycalc (same files, other name and
	# bytes); the package names it in TINYCALC_ALT_SOURCES and an overlay
	# hash file gives its sha256.
	local alt=tinycalc-1.0-repack.tar.gz overlay="$BATS_TEST_TMPDIR/overlay"
	mkdir -p "$SRV/altonly" "$overlay/tinycalc"
	gzip -dc "$SRV/$CALC" | gzip -n -1 >"$SRV/altonly/$alt"
	cp "$SRV/tinymul-1.0.tar.gz" "$SRV/altonly/"
	printf 'sha256  %s  %s\n' "$(sha256_of "$SRV/altonly/$alt")" "$alt" >"$overlay/tinycalc/tinycalc.hash"
	pkg_configure "KILN_GLOBAL_PATCH_DIR=\"$overlay\""
	KILN_PRIMARY_SITE=$HTTP/altonly run kmake TINYCALC_ALT_SOURCES=$alt run
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"trying the alternative archive $alt"* ]]
	[[ "$output" == *"calc-demo: add(2,3)=5"* ]]
	[ "$(served "$CALC")" = "/altonly/$CALC 404" ]
	[ "$(served "$alt")" = "/altonly/$alt 200" ]
	[ ! -e "$(cached)" ]
	# The lock file names the archive used, with its hash, and the upstream one.
	KILN_PRIMARY_SITE=$HTTP/altonly run kmake TINYCALC_ALT_SOURCES=$alt lock
	[ "$status" -eq 0 ]
	grep -qx "source = $alt" "$O/kiln.lock"
	grep -qx "sha256 = $(sha256_of "$SRV/altonly/$alt")" "$O/kiln.lock"
	grep -qx "upstream_source = $CALC" "$O/kiln.lock"
	# legal-info names that archive and the mirror it came from.
	KILN_PRIMARY_SITE=$HTTP/altonly run kmake TINYCALC_ALT_SOURCES=$alt legal-info
	echo "$output"
	[ "$status" -eq 0 ]
	grep -x '"tinycalc",.*' "$O/legal-info/manifest.csv"
	grep -qx "\"tinycalc\",\"1.0\",\"MIT\",\"LICENSE\",\"$alt\",\"$HTTP/altonly\"" "$O/legal-info/manifest.csv"
	cmp "$O/legal-info/sources/tinycalc-1.0/$alt" "$SRV/altonly/$alt"
	# Without a hash for it, the alternative is refused like any archive.
	rm -rf "$KILN_DL_DIR" "$O/build/.downloads"
	rm "$overlay/tinycalc/tinycalc.hash"
	KILN_PRIMARY_SITE=$HTTP/altonly run kmake TINYCALC_ALT_SOURCES=$alt tinycalc-source
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"no sha256 for $alt"* ]]
}
