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
		cp "$KILN_ROOT/tests/fixtures/pkg-tree/package/tinycalc/"{0001-calc-raise-patch-level.patch,tinycalc.hash} \
			"$TREE/package/tinycalc/"
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
	[ "$(compiled "$output")" = "build/tinycalc/square.o" ]
	[[ "$output" == *"AR      staging/lib/libtinycalc.a"* ]]
	[[ "$output" == *"LD      images/calc-demo.spt"* ]]
	[[ "$output" != *">>>"* ]]
}

@test "a changed patch re-patches the tree and recompiles the package in one make, as a clean build" {
	RESTORE=tree
	sed -i 's/^+#define TINYCALC_PATCH_LEVEL 1$/+#define TINYCALC_PATCH_LEVEL 3/' \
		"$TREE/package/tinycalc/0001-calc-raise-patch-level.patch"
	run kmake run
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *">>> tinycalc 1.0 Patching"* ]]
	[ "$(compiled "$output" | grep '^build/tinycalc' | sort)" = "build/tinycalc/calc.o
build/tinycalc/square.o" ]
	[[ "$output" == *"patch-level=3"* ]]
	# The library too, not only the application that includes the header.
	strings "$O/staging/lib/libtinycalc.a" | grep -qx 'tinycalc-bonus=0 patch-level=3'
	# And that make was the whole work: the next one has nothing to do.
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" != *">>>"* ]]
	[ -z "$(printf '%s\n' "$output" | grep -E '^  (CC|AR|LD|GEN) ')" ]
}

@test "a touched hash file extracts the tree again and recompiles every object of it in one make" {
	touch "$TREE/package/tinycalc/tinycalc.hash"
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *">>> tinycalc 1.0 Extracting"* ]]
	[ "$(compiled "$output" | grep '^build/tinycalc' | sort)" = "build/tinycalc/calc.o
build/tinycalc/square.o" ]
	[[ "$output" == *"AR      staging/lib/libtinycalc.a"* ]]
	[[ "$output" == *"LD      images/calc-demo.spt"* ]]
	run kmake
	[ "$status" -eq 0 ]
	[ -z "$(printf '%s\n' "$output" | grep -E '^  (CC|AR|LD|GEN) ')" ]
}

@test "<pkg>-rebuild compiles every object of that package and nothing else" {
	run kmake tinycalc-rebuild
	echo "$output"
	[ "$status" -eq 0 ]
	# (The boot shim aside: after the platform switches of an earlier
	# test its flags file may be rewritten, see the issue notes.)
	[ "$(compiled "$output" | grep -v '^build/boot-' | sort)" = "build/tinycalc/calc.o
build/tinycalc/square.o" ]
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
	[ "$(compiled "$output" | grep -v '^build/boot-' | sort)" = "build/tinycalc/calc.o
build/tinycalc/square.o" ]
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
	"$O/host/bin/x86_64-kiln-spt-cc" --kiln-flags | grep -q -- '-DKILN_TEST_EXTRA=1'
	compiled "$output" | grep -qx build/tinycalc/calc.o
	compiled "$output" | grep -qx build/tinycalc/square.o
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

@test "a wrong license hash stops the build and legal-info, naming the file and both hashes" {
	RESTORE=tree
	local hash="$TREE/package/tinycalc/tinycalc.hash" right wrong
	right=$(sha256_of "$TREE/upstream/tinycalc-1.0/LICENSE")
	wrong=$(printf '%064d' 0)
	sed -i "s/^sha256  $right  LICENSE\$/sha256  $wrong  LICENSE/" "$hash"
	grep -qx "sha256  $wrong  LICENSE" "$hash"
	local goal
	for goal in legal-info all; do
		run kmake "$goal"
		echo "$output"
		[ "$status" -ne 0 ]
		[[ "$output" == *"kiln: tinycalc: license file LICENSE has sha256 $right, but $hash says $wrong"* ]]
	done
	[ ! -e "$O/build/tinycalc-1.0/.stamp_extracted" ]
	# No hash for it at all: refused too, with the line to add.
	sed -i '/  LICENSE$/d' "$hash"
	run kmake tinycalc-extract
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"kiln: tinycalc: no sha256 for the license file LICENSE in $hash"* ]]
	[[ "$output" == *"sha256  $right  LICENSE"* ]]
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
	grep -qx "$O/build/tinycalc/calc.o" "$BATS_TEST_TMPDIR/listed"
}

@test "a foreign package's environment reaches every command of its list, one starting with ( or { too" {
	# Without the environment, the second make would compile mul.c with the
	# host's cc (mul.c refuses to compile without the wrapper's -D__kiln__)
	# under Kiln's MAKEFLAGS; a list starting with ( would not even parse.
	run kmake V=1 tinymul-rebuild 'TINYMUL_BUILD_CMDS=$(MAKE) clean && $(MAKE) libtinymul.a'
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$O/host/bin/x86_64-kiln-cc  -c -o mul.o mul.c"* ]]
	run kmake V=1 tinymul-rebuild 'TINYMUL_BUILD_CMDS=($(MAKE) clean) && { printf "%s|%s\n" "$$CC" "$$MAKEFLAGS" >seen.env; } && $(MAKE) libtinymul.a'
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$O/host/bin/x86_64-kiln-cc  -c -o mul.o mul.c"* ]]
	[ "$(cat "$O/build/tinymul-1.0/seen.env")" = "$O/host/bin/x86_64-kiln-cc|" ]
	nm "$O/staging/lib/libtinymul.a" | grep -q ' T mul_ints$'
}

@test "make compile-commands lists the arguments gcc receives: shell quotes in _CFLAGS removed, not kept" {
	run kmake compile-commands "TINYCALC_CFLAGS=-DTINYCALC_BONUS=0 -DVERSION='\"0.2.5\"' -DGREETING='hello world'"
	echo "$output"
	[ "$status" -eq 0 ]
	python3 -c '
import json, sys
entries = [e for e in json.load(open(sys.argv[1])) if e["file"].endswith("/calc.c")]
assert len(entries) == 1, entries
args = entries[0]["arguments"]
print(args)
assert "-DVERSION=\"0.2.5\"" in args, "no -DVERSION=\"0.2.5\""
assert "-DGREETING=hello world" in args, "no -DGREETING=hello world"
assert not any("\x27" in a for a in args), "a shell quote kept as a character"
assert args[-4:] == ["-c", "-o", entries[0]["output"], entries[0]["file"]], args[-4:]' "$O/compile_commands.json"
}

@test "a failed download of the upstream archive is not reported as fatal while an alternative remains" {
	local alt=tinycalc-1.0-repack.tar.gz dir="$BATS_TEST_TMPDIR" hash="$BATS_TEST_TMPDIR/tinycalc.hash"
	mkdir -p "$SRV/alt-only"
	gzip -dc "$SRV/tinycalc-1.0.tar.gz" | gzip -n -1 >"$SRV/alt-only/$alt"
	{ cat "$TREE/package/tinycalc/tinycalc.hash"; printf 'sha256  %s  %s\n' "$(sha256_of "$SRV/alt-only/$alt")" "$alt"; } >"$hash"
	# The upstream archive is missing; the alternative is there.
	run "$KILN_ROOT/scripts/download-package" "$dir/stamp" "$dir/cache" "$O/host/bin/kiln-dl -q -H $hash" \
		-- tinycalc-1.0.tar.gz "$HTTP/alt-only/tinycalc-1.0.tar.gz" -- "$alt" "$HTTP/alt-only/$alt"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(cat "$dir/stamp")" = "$alt" ]
	[[ "$output" == *"tinycalc-1.0.tar.gz is not available from its URLs ($alt is tried next)"* ]]
	[[ "$output" == *"trying the alternative archive $alt"* ]]
	[[ "$output" != *"by hand"* && "$output" != *"could not download"* ]]
	# Neither is there: the advice to copy one by hand comes once, at the end.
	run "$KILN_ROOT/scripts/download-package" "$dir/stamp2" "$dir/cache2" "$O/host/bin/kiln-dl -q -H $hash" \
		-- tinycalc-1.0.tar.gz "$HTTP/none/tinycalc-1.0.tar.gz" -- "$alt" "$HTTP/none/$alt"
	echo "$output"
	[ "$status" -ne 0 ]
	[ "$(printf '%s\n' "$output" | grep -c 'by hand')" -eq 1 ]
	[[ "$(printf '%s\n' "$output" | tail -n 1)" == *"copy $alt"*"by hand"* ]]
}

@test "floating point in a source compiled without SSE: the error names the _FPU variable to set" {
	local app="$TREE/package/calc-demo"
	printf 'double calc_demo_half(double x) { return x / 2; }\n' >"$app/half.c"
	printf 'int calc_demo_broken(void) { return undeclared; }\n' >"$app/broken.c"
	run kmake 'CALC_DEMO_SOURCES=main.c half.c'
	local float_output=$output float_status=$status
	run kmake 'CALC_DEMO_SOURCES=main.c broken.c'
	rm -f "$app/half.c" "$app/broken.c"
	echo "$float_output"
	[ "$float_status" -ne 0 ]
	[[ "$float_output" == *"SSE register return with SSE disabled"* ]]
	[[ "$float_output" == *"half.c uses floating point"*"set CALC_DEMO_FPU = y in its .mk"*"CALC_DEMO_FPU_SOURCES"* ]]
	# Another error gets no such hint.
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"undeclared"* ]]
	[[ "$output" != *"_FPU"* ]]
}

@test "a comment after a value in a .mk (make keeps the blanks before #) is named, not a riddle" {
	local mk="$TREE/package/tinycalc/tinycalc.mk"
	cp "$mk" "$BATS_TEST_TMPDIR/tinycalc.mk"
	sed -i 's/^TINYCALC_VERSION = 1.0$/TINYCALC_VERSION = 1.0   # the release we test/' "$mk"
	run kmake
	cp "$BATS_TEST_TMPDIR/tinycalc.mk" "$mk"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"tinycalc.mk:"*"TINYCALC_VERSION is '1.0   ', with blanks in it, but must be one word"* ]]
	[[ "$output" == *"put the comment on a line of its own"* ]]
	[[ "$output" != *"Circular"* && "$output" != *"target pattern"* ]]
}

@test "a foreign package's missing host tool is named with its Debian package before its first step" {
	rm -f "$O/build/tinymul-1.0/.stamp_configured"
	run kmake 'TINYMUL_HOST_TOOLS=sh:dash kiln-no-such-tool:kiln-tool-package'
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"kiln-no-such-tool (Debian package kiln-tool-package)"* ]]
	[[ "$output" == *"tinymul needs these programs (TINYMUL_HOST_TOOLS)"* ]]
	[[ "$output" != *"sh (Debian package dash)"* ]]
	[[ "$output" != *">>> tinymul 1.0 Building"* ]]
	run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *">>> tinymul 1.0 Building"* ]]
}
