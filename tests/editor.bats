#!/usr/bin/env bats
# The editor: make compile-commands covers every compiled file, the
# runtime's, the boot shim's, the packages' and the application's, with
# the flags gcc really gets, so that clangd (Debian's) parses each of them
# with no error: Kiln's freestanding headers resolve, not the host's.
# The tree's .clangd drops the few gcc-only flags clang does not know.

load lib/common
load lib/dl-helpers

OUT=$KILN_SUITE_TMP/lua

setup_file() {
	kiln_mirror_start lua libm || return 1
	[ -z "${SUITE_SKIP:-}" ] || return 0
	export KILN_DL_DIR=$BATS_FILE_TMPDIR/dl
	kiln_build "$OUT" spt_lua_defconfig KILN_PRIMARY_SITE_ONLY=y >&3 || true
	kiln_make_logged "$OUT.log" "$OUT" compile-commands >&3 || true
}

teardown_file() {
	httpd_stop
}

setup() {
	kiln_skip_without_mirror
	kiln_require_cmd clangd clangd
	[ -f "$OUT/compile_commands.json" ] || { tail -n 30 "$OUT.log"; false; }
}

# clangd_check FILE [DIR]: clangd --check of FILE with the compile commands
# in DIR (default $OUT); per-location checks (code actions, hover) only on
# line 1, as they test clangd, not the file.
clangd_check() {
	(cd "${2:-$OUT}" && clangd --compile-commands-dir="${2:-$OUT}" --check="$1" --check-lines=1 2>&1)
}

# listed FILE: FILE has an entry in $OUT/compile_commands.json.
listed() {
	python3 -c 'import json, sys
files = {e["file"] for e in json.load(open(sys.argv[1]))}
sys.exit(0 if sys.argv[2] in files else 1)' "$OUT/compile_commands.json" "$1"
}

@test "clangd parses a runtime, a boot shim, a package and an application file with no error" {
	local lua_src f
	lua_src=$(echo "$OUT"/build/lua-*/src)
	for f in "$KILN_TOP/runtime/src/stdio/printf.c" "$KILN_TOP/boot/spt/start.c" \
		"$lua_src/lapi.c" "$KILN_TOP/package/lua-script/main.c"; do
		listed "$f" || { echo "$f is not in compile_commands.json"; false; }
		run clangd_check "$f"
		[[ "$output" == *"All checks completed, 0 errors"* ]] ||
			{ echo "clangd on $f:"; grep -E '^E\[' <<<"$output"; false; }
	done
}

@test "clangd's check fails when the runtime's headers are not found (the check can fail)" {
	local broken=$BATS_TEST_TMPDIR/broken
	mkdir -p "$broken"
	# The same commands without Kiln's runtime headers: <stdio.h> is lost.
	python3 -c 'import json, sys
top = sys.argv[2] + "/runtime/include"
entries = json.load(open(sys.argv[1]))
for e in entries:
    a = e["arguments"]
    e["arguments"] = [x for i, x in enumerate(a) if x != top and not (x == "-isystem" and i + 1 < len(a) and a[i + 1] == top)]
json.dump(entries, open(sys.argv[3], "w"))' "$OUT/compile_commands.json" "$KILN_TOP" "$broken/compile_commands.json"
	run clangd_check "$KILN_TOP/runtime/src/stdio/printf.c" "$broken"
	[[ "$output" == *"All checks completed, "*" errors"* ]]
	[[ "$output" != *"All checks completed, 0 errors"* ]]
}
