#!/usr/bin/env bats
# Building packages in the one make graph: patches and overlays, incremental
# rebuilds, per-package and global flags, the foreign flavour, and the verbs
# that describe a configuration (lock, legal-info, show-info, graph-depends,
# compile-commands). Packages of tests/fixtures/pkg-tree (tests/lib/pkg-helpers.bash).

load lib/pkg-helpers

setup_file() {
	pkg_setup_file
	export KILN_DL_DIR="$BATS_FILE_TMPDIR/dl" KILN_PRIMARY_SITE=$HTTP
	pkg_configure
	kmake >"$BATS_FILE_TMPDIR/first-build.log" 2>&1 ||
		{ cat "$BATS_FILE_TMPDIR/first-build.log" >&2; return 1; }
}

teardown_file() {
	pkg_teardown_file
}

# A test that changed the configuration or the tree puts it back here, so
# the next test starts from the built default.
teardown() {
	if [ -n "${RESTORE:-}" ]; then
		rm -f "$TREE/package/tinycalc/0002-does-not-apply.patch"
		if [ "$RESTORE" = downloads ]; then
			kmake tinycalc-dirclean >/dev/null
		fi
		pkg_configure
		kmake >/dev/null 2>&1
	fi
}

EXPECTED_LINE="calc-demo: add(2,3)=5 square(7)=49 mul(6,7)=42 patch-level=1"

@test "calc-demo runs on spt and prints what both packages computed" {
	run kmake run
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$EXPECTED_LINE"* ]]
}

@test "the package's own patch is applied to its tree and installed header" {
	grep -qx '#define TINYCALC_PATCH_LEVEL 1' "$O/build/tinycalc-1.0/include/calc.h"
	grep -qx '#define TINYCALC_PATCH_LEVEL 1' "$O/staging/include/calc.h"
	strings "$O/staging/lib/libtinycalc.a" | grep -qx 'tinycalc-bonus=0 patch-level=1'
}

@test "a second make does nothing" {
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" != *">>>"* ]]
	[ -z "$(printf '%s\n' "$output" | grep -E '^  (CC|AR|LD|GEN) ')" ]
}

@test "touching one source of a package rebuilds its object, its archive and the image" {
	touch "$O/build/tinycalc-1.0/square.c"
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(compiled "$output")" = "build/tinycalc-1.0/square.o" ]
	[[ "$output" == *"AR      staging/lib/libtinycalc.a"* ]]
	[[ "$output" == *"LD      images/calc-demo.spt"* ]]
	[[ "$output" != *">>>"* ]]
}

@test "<pkg>-rebuild compiles every object of that package and nothing else" {
	run kmake tinycalc-rebuild
	echo "$output"
	[ "$status" -eq 0 ]
	# (The boot shim aside: after the platform switches of an earlier
	# test its flags file may be rewritten, see the issue notes.)
	[ "$(compiled "$output" | grep -v '^build/boot-' | sort)" = "build/tinycalc-1.0/calc.o
build/tinycalc-1.0/square.o" ]
	[[ "$output" == *"AR      staging/lib/libtinycalc.a"* ]]
	run kmake
	[ "$status" -eq 0 ]
	[[ "$output" == *"LD      images/calc-demo.spt"* ]]
	[ "$(compiled "$output")" = "" ]
}

@test "<pkg>-rebuild of a foreign package reruns its build and install steps" {
	run kmake tinymul-rebuild
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *">>> tinymul 1.0 Building"* ]]
	[[ "$output" == *">>> tinymul 1.0 Installing to staging"* ]]
	[[ "$output" != *">>> tinycalc"* ]]
	[[ "$output" != *"Downloading"* && "$output" != *"Extracting"* ]]
}

@test "the foreign package's own Makefile builds with the wrapper and is linked in" {
	# -rebuild reruns the package's own make, which rebuilds what changed.
	touch "$O/build/tinymul-1.0/mul.c"
	run kmake V=1 tinymul-rebuild
	echo "$output"
	[ "$status" -eq 0 ]
	# mul.c refuses to compile without the wrapper's -D__kiln__.
	[[ "$output" == *"$O/host/bin/x86_64-kiln-cc  -c -o mul.o mul.c"* ]]
	[ -f "$O/staging/lib/libtinymul.a" ]
	[ -f "$O/staging/include/mul.h" ]
	kmake >/dev/null
	nm "$O/images/calc-demo.spt" | grep -q ' T mul_ints$'
}

# switch_platform P: calc-demo's configuration with platform P, and make;
# sets output and status.
switch_platform() {
	sed "s/^KILN_PLATFORM_SPT=y/KILN_PLATFORM_$1=y/" "$TREE/configs/spt_calc_demo_defconfig" \
		>"$BATS_TEST_TMPDIR/switch_defconfig"
	kmake KILN_EXTERNAL="$TREE" defconfig DEFCONFIG="$BATS_TEST_TMPDIR/switch_defconfig" >/dev/null
	grep -qx "KILN_PLATFORM_$1=y" "$O/.config"
	run kmake
	echo "$output"
}

@test "switching platform relinks the image and builds the shim; no package object is compiled again" {
	RESTORE=config
	local p before
	before=$(stat -c %Y.%s "$O/staging/lib/libtinycalc.a" "$O/staging/lib/libtinymul.a")
	for p in hvt virtio; do
		switch_platform "${p^^}"
		[ "$status" -eq 0 ]
		# Compiled: the platform's boot shim, nothing else.
		[ -n "$(compiled "$output" | grep "^build/boot-$p/")" ]
		[ -z "$(compiled "$output" | grep -v "^build/boot-$p/")" ]
		[[ "$output" != *">>> tinymul"* && "$output" != *">>> tinycalc"* ]]
		[[ "$output" == *"LD      images/calc-demo.$p"* ]]
		[ -f "$O/images/calc-demo.$p" ]
	done
	# Back to spt: nothing but (at most) its own shim is compiled.
	switch_platform SPT
	[ "$status" -eq 0 ]
	[ -z "$(compiled "$output" | grep -v "^build/boot-spt/")" ]
	[ -f "$O/images/calc-demo.spt" ]
	# The package archives were made once, before the switches.
	[ "$(stat -c %Y.%s "$O/staging/lib/libtinycalc.a" "$O/staging/lib/libtinymul.a")" = "$before" ]
	# The other platforms' shims and images go, for the tests that count
	# what is in the output folder.
	rm -rf "$O/build/boot-hvt" "$O/build/boot-virtio" "$O"/images/calc-demo.{hvt,virtio} \
		"$O"/staging/lib/libkiln-boot-{hvt,virtio}.a
}

@test "a per-package option rebuilds that package's objects and nothing else" {
	RESTORE=config
	pkg_configure KILN_TINYCALC_BONUS=10
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	# (The boot shim aside: after the platform switches of an earlier
	# test its flags file may be rewritten, see the issue notes.)
	[ "$(compiled "$output" | grep -v '^build/boot-' | sort)" = "build/tinycalc-1.0/calc.o
build/tinycalc-1.0/square.o" ]
	[[ "$output" != *">>> tinymul"* ]]
	strings "$O/staging/lib/libtinycalc.a" | grep -qx 'tinycalc-bonus=10 patch-level=1'
	run kmake run
	[ "$status" -eq 0 ]
	[[ "$output" == *"add(2,3)=15 "* ]]
}

@test "changing EXTRA_CFLAGS rebuilds every object, the packages' included" {
	RESTORE=config
	pkg_configure 'KILN_EXTRA_CFLAGS="-DKILN_TEST_EXTRA=1"'
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	grep -q -- '-DKILN_TEST_EXTRA=1' "$O/host/bin/x86_64-kiln-spt-cc"
	compiled "$output" | grep -qx build/tinycalc-1.0/calc.o
	compiled "$output" | grep -qx build/tinycalc-1.0/square.o
	compiled "$output" | grep -qx build/calc-demo/main.o
	compiled "$output" | grep -q '^build/runtime/'
	[[ "$output" == *">>> tinymul 1.0 Building"* ]]
}

@test "a patch that does not apply stops the build, naming package, patch and file" {
	RESTORE=tree
	cat >"$TREE/package/tinycalc/0002-does-not-apply.patch" <<-'EOF'
	Upstream: not applicable (a broken patch for the tests)
	--- a/square.c
	+++ b/square.c
	@@ -1,3 +1,3 @@
	 #include "calc.h"
	 
	-int calc_cube(int a)
	+int calc_cube(long a)
	EOF
	rm -f "$O/images/calc-demo.spt"
	run kmake
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"kiln: tinycalc: patch 0002-does-not-apply.patch does not apply (failed in: square.c)"* ]]
	[[ "$output" == *"$TREE/package/tinycalc/0002-does-not-apply.patch"* ]]
	[ ! -e "$O/images/calc-demo.spt" ]
	[ ! -e "$O/build/tinycalc-1.0/.stamp_patched" ] ||
		[ "$O/build/tinycalc-1.0/.stamp_patched" -ot "$TREE/package/tinycalc/0002-does-not-apply.patch" ]
}

@test "overlays: GLOBAL_PATCH_DIR patches apply after the package's own, their hashes are accepted" {
	RESTORE=downloads
	local overlay="$BATS_TEST_TMPDIR/overlay"
	cp -R "$TREE/overlay" "$overlay"
	# A repacked archive (same files, other compression): only the overlay's hash names it.
	mkdir -p "$SRV/repack"
	gzip -dc "$SRV/tinycalc-1.0.tar.gz" | gzip -n -1 >"$SRV/repack/tinycalc-1.0.tar.gz"
	# (tinymul is served there as it is: this test's cache starts empty.)
	cp "$SRV/tinymul-1.0.tar.gz" "$SRV/repack/"
	printf 'sha256  %s  tinycalc-1.0.tar.gz\n' "$(sha256_of "$SRV/repack/tinycalc-1.0.tar.gz")" \
		>"$overlay/tinycalc/tinycalc.hash"
	local -x KILN_DL_DIR="$BATS_TEST_TMPDIR/dl"
	kmake tinycalc-dirclean >/dev/null
	# Without the overlay the repacked archive is refused...
	KILN_PRIMARY_SITE=$HTTP/repack run kmake tinycalc-source
	[ "$status" -ne 0 ]
	[[ "$output" == *"hash mismatch for tinycalc-1.0.tar.gz"* ]]
	# ... with it, accepted, and its patch applies on top of the package's.
	pkg_configure "KILN_GLOBAL_PATCH_DIR=\"$overlay\""
	KILN_PRIMARY_SITE=$HTTP/repack run kmake run
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"calc-demo: add(2,3)=5 square(7)=49 mul(6,7)=42 patch-level=2"* ]]
	grep -qx '#define TINYCALC_PATCH_LEVEL 2' "$O/staging/include/calc.h"
}

@test "make lock records version, URLs, the archive's sha256, license and patch hashes" {
	run kmake lock
	echo "$output"
	[ "$status" -eq 0 ]
	local lock="$O/kiln.lock" patch="$TREE/package/tinycalc/0001-calc-raise-patch-level.patch"
	cat "$lock"
	awk '/^\[tinycalc\]$/ { on = 1; next } /^\[/ { on = 0 } on' "$lock" >"$BATS_TEST_TMPDIR/calc"
	grep -qx 'version = 1.0' "$BATS_TEST_TMPDIR/calc"
	grep -qx 'source = tinycalc-1.0.tar.gz' "$BATS_TEST_TMPDIR/calc"
	grep -qx "urls = $HTTP/tinycalc-1.0.tar.gz" "$BATS_TEST_TMPDIR/calc"
	grep -qx "sha256 = $(sha256_of "$KILN_DL_DIR/tinycalc/tinycalc-1.0.tar.gz")" "$BATS_TEST_TMPDIR/calc"
	grep -qx 'license = MIT' "$BATS_TEST_TMPDIR/calc"
	grep -qx "patch = .*0001-calc-raise-patch-level.patch sha256:$(sha256_of "$patch")" "$BATS_TEST_TMPDIR/calc"
	grep -qx '\[tinymul\]' "$lock"
	grep -qx "sha256 = $(sha256_of "$KILN_DL_DIR/tinymul/tinymul-1.0.tar.gz")" "$lock"
}

@test "make legal-info collects the manifest, license texts, archives and patches" {
	run kmake legal-info
	echo "$output"
	[ "$status" -eq 0 ]
	local legal="$O/legal-info"
	grep -qx '"tinycalc","1.0","MIT","LICENSE","tinycalc-1.0.tar.gz",""' "$legal/manifest.csv"
	grep -q '^"tinymul","1.0","MIT","COPYING","tinymul-1.0.tar.gz",' "$legal/manifest.csv"
	cmp "$legal/licenses/tinycalc-1.0/LICENSE" "$TREE/upstream/tinycalc-1.0/LICENSE"
	cmp "$legal/licenses/tinymul-1.0/COPYING" "$TREE/upstream/tinymul-1.0/COPYING"
	cmp "$legal/sources/tinycalc-1.0/tinycalc-1.0.tar.gz" "$SRV/tinycalc-1.0.tar.gz"
	cmp "$legal/sources/tinycalc-1.0/0001-calc-raise-patch-level.patch" \
		"$TREE/package/tinycalc/0001-calc-raise-patch-level.patch"
}

@test "make show-info prints valid JSON describing every package and the application" {
	run kmake -s show-info
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | python3 -m json.tool >/dev/null
	printf '%s\n' "$output" | python3 -c '
import json, sys
info = json.load(sys.stdin)
calc, mul, app = info["tinycalc"], info["tinymul"], info["calc-demo"]
assert calc["kind"] == "package" and calc["version"] == "1.0", calc
assert calc["patches"] == ["0001-calc-raise-patch-level.patch"], calc
assert calc["license"] == "MIT" and calc["sources"] == 2, calc
assert mul["kind"] == "foreign", mul
assert app["kind"] == "application" and app["dependencies"] == ["tinycalc", "tinymul"], app
'
}

@test "make graph-depends writes the dependency graph as dot, and SVG when dot exists" {
	rm -rf "$O/graphs"
	run kmake graph-depends
	echo "$output"
	[ "$status" -eq 0 ]
	local dotfile="$O/graphs/graph-depends.dot"
	grep -q '"calc-demo" -> "tinycalc";' "$dotfile"
	grep -q '"calc-demo" -> "tinymul";' "$dotfile"
	if command -v dot >/dev/null; then
		dot -Tcanon "$dotfile" >/dev/null
		grep -q '<svg' "$O/graphs/graph-depends.svg"
	else
		[[ "$output" == *"install graphviz"* ]]
	fi
}

@test "make compile-commands writes valid JSON listing every compiled object" {
	run kmake compile-commands
	echo "$output"
	[ "$status" -eq 0 ]
	python3 -m json.tool "$O/compile_commands.json" >/dev/null
	# Every target object the graph compiled: not the host programs, not the
	# foreign package (its own Makefile compiles it), not generated units.
	find "$O/build" -name '*.o' ! -path '*/host-*' ! -path "$O/build/tinymul-1.0/*" \
		! -path '*/manifest/*' ! -path '*/embed/*' -exec realpath {} + | sort >"$BATS_TEST_TMPDIR/built"
	python3 -c '
import json, os, sys
for e in json.load(open(sys.argv[1])):
    assert os.path.isfile(e["file"]), e["file"]
    assert e["arguments"][-1] == e["file"] and e["output"] in e["arguments"], e
    print(os.path.realpath(e["output"]))' "$O/compile_commands.json" | sort >"$BATS_TEST_TMPDIR/listed"
	diff "$BATS_TEST_TMPDIR/built" "$BATS_TEST_TMPDIR/listed"
	grep -qx "$O/build/tinycalc-1.0/calc.o" "$BATS_TEST_TMPDIR/listed"
}
