# Helpers for the package-infrastructure suites (pkg-fetch, pkg-build, external):
# a copy of the tests/fixtures/pkg-tree external tree, its archives served by
# tests/lib/httpd.py on 127.0.0.1, and make in an output folder of the suite.
#
# After pkg_setup_file:
#   KILN_ROOT   the Kiln tree          TREE  the copy of the fixture tree
#   SRV         the server's root      HTTP  http://127.0.0.1:<port>
#   HTTPD_LOG   one line per request   OFF   a URL where nothing listens
#   O           the suite's output folder (pkg_configure fills it)
# Builds run with -j2 (KILN_TEST_JOBS=<n> to change).

load lib/dl-helpers

PKG_ARCHIVES="tinycalc-1.0 tinymul-1.0"

pkg_setup_file() {
	export KILN_ROOT
	KILN_ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	# A `make check` must not hand its flags (-j, -s, ...) to the builds under test.
	unset MAKEFLAGS MAKELEVEL MFLAGS
	export TREE="$BATS_FILE_TMPDIR/pkg-tree" SRV="$BATS_FILE_TMPDIR/srv"
	export O="$BATS_FILE_TMPDIR/out"
	cp -R "$KILN_ROOT/tests/fixtures/pkg-tree" "$TREE"
	pkg_make_archives "$TREE/upstream" "$SRV"
	pkg_check_hashes "$TREE" "$SRV"
	# The same archives at the places the tests use as upstream and backup sites.
	local a name
	for a in $PKG_ARCHIVES; do
		name=${a%-*}
		mkdir -p "$SRV/upstream/$name" "$SRV/backup"
		cp "$SRV/$a.tar.gz" "$SRV/upstream/$name/"
		cp "$SRV/$a.tar.gz" "$SRV/backup/"
	done
	# Retries wait 20 ms, 40 ms, ... instead of 1 s, 2 s, ...
	export KILN_DL_BACKOFF_MS=20
	export HTTPD_LOG="$BATS_FILE_TMPDIR/httpd.log"
	httpd_launch "$BATS_FILE_TMPDIR/httpd.port" "$HTTPD_LOG" --root "$SRV" --stall-seconds 8 \
		--slow-rate 500 || return 1
	export HTTPD_PID=$LAUNCHED_PID HTTP="http://127.0.0.1:$LAUNCHED_PORT"
	OFF="http://127.0.0.1:$(refused_port)" || return 1
	export OFF
	# Only what a test names: no upstream site, no site from the caller's environment.
	unset KILN_TEST_UPSTREAM KILN_PRIMARY_SITE KILN_BACKUP_SITE KILN_DL_DIR KILN_EXTERNAL
}

pkg_teardown_file() {
	if [ -n "${HTTPD_PID:-}" ]; then
		kill "$HTTPD_PID" 2>/dev/null || true
	fi
}

# pkg_make_archives SRCDIR OUTDIR: <name>-<version>.tar.gz of each folder, byte
# for byte the same on every run (sorted names, fixed times, owners and modes,
# no name or time in the gzip header), so the committed hashes hold.
pkg_make_archives() {
	local src=$1 out=$2 a
	mkdir -p "$out"
	for a in $PKG_ARCHIVES; do
		tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
			--mode='u=rwX,go=rX' --format=gnu -C "$src" -cf - "$a" | gzip -n -9 >"$out/$a.tar.gz"
	done
}

# pkg_check_hashes TREE DIR: the archives in DIR are the ones TREE's hash files name.
pkg_check_hashes() {
	local tree=$1 dir=$2 a name want got
	for a in $PKG_ARCHIVES; do
		name=${a%-*}
		want=$(awk -v f="$a.tar.gz" '$1 == "sha256" && $3 == f { print $2 }' "$tree/package/$name/$name.hash")
		got=$(sha256_of "$dir/$a.tar.gz")
		if [ "$want" != "$got" ]; then
			echo "pkg-helpers: $dir/$a.tar.gz has sha256 $got but $tree/package/$name/$name.hash says '$want':" >&2
			echo "  the archive is not reproducible here, or upstream/$a changed (then update the .hash)" >&2
			return 1
		fi
	done
}

# kmake ARGS...: make in Kiln's tree for the suite's output folder, with a time
# limit so that a hung download cannot hang the suite.
kmake() {
	timeout 300 make -C "$KILN_ROOT" -j"${KILN_TEST_JOBS:-2}" O="$O" "$@"
}

# pkg_configure [LINE...]: load spt_calc_demo_defconfig plus LINEs (e.g.
# KILN_DL_RETRIES=0) into $O, with the fixture tree as KILN_EXTERNAL.
pkg_configure() {
	local def="$BATS_FILE_TMPDIR/test_defconfig"
	cat "$TREE/configs/spt_calc_demo_defconfig" >"$def"
	local l
	for l in "$@"; do
		printf '%s\n' "$l" >>"$def"
	done
	kmake KILN_EXTERNAL="$TREE" defconfig DEFCONFIG="$def" >/dev/null
}

# Forget every download of the test packages (the cache, the stamps, the
# trees), the sites an earlier make was given (remembered in $O), and the
# image, so a test sees what its own make did.
pkg_forget_downloads() {
	kmake KILN_PRIMARY_SITE= KILN_BACKUP_SITE= tinycalc-dirclean tinymul-dirclean >/dev/null
	rm -rf "${KILN_DL_DIR:?}" "$O/images"
}

# Requests the server got for a path ending in FILE: "<path> <status>" lines.
served() {
	awk -v f="$1" '$2 ~ ("/" f "$") { sub("status=", "", $4); print $2, $4 }' "$HTTPD_LOG"
}

# The objects an output compiled ("  CC      <path>" lines), one per line.
compiled() {
	printf '%s\n' "$1" | awk '$1 == "CC" { print $2 }'
}
