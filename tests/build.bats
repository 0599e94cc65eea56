#!/usr/bin/env bats
# Building: clean builds of hvt_defconfig and spt_defconfig (an ELF image
# with Solo5's ABI note), quiet and V=1 output, the compiler wrapper used by
# hand outside the tree, incremental rebuilds (nothing, one file, a changed
# toolchain option), clean and distclean, and a missing host tool.
#
# setup_file builds each configuration once; the tests share the two output
# folders and run in order (the last ones clean them).

load lib/common

HVT=$KILN_SUITE_TMP/hvt
SPT=$KILN_SUITE_TMP/spt

setup_file() {
	touch "$KILN_SUITE_TMP/stamp"
	git -C "$KILN_TOP" status --porcelain --ignored 2>/dev/null | grep '^!!' >"$KILN_SUITE_TMP/ignored-before" || true
	kiln_build "$HVT" hvt_defconfig >&3 || true
	kiln_build "$SPT" spt_defconfig >&3 || true
	# The tender, for the image built by hand (not part of `make`).
	kiln_make_logged "$SPT.tender.log" "$SPT" "$SPT/host/bin/kiln-spt" >&3 || true
}

# abi_note IMAGE: the descriptor of the Solo5 ABI note (type "ABI1") as
# readelf prints it: target, version, two reserved words, in hex bytes.
abi_note() {
	readelf -n --wide "$1" 2>/dev/null | grep -A1 '0x31494241' | sed -n 's/.*description data: *//p' | sed 's/ *$//'
}

# steps OUTPUT: the kbuild-style step lines ("  CC      file") of OUTPUT.
steps() {
	grep -E '^  [A-Z]+ +[^ ]' <<<"$1" || true
}

# image_checks IMAGE TARGET: an x86_64 executable ELF as Solo5's tenders
# load it, with the ABI note for TARGET (1 hvt, 2 spt), version 2.
image_checks() {
	local img=$1 target=$2
	run readelf -hW "$img"
	assert_status 0
	assert_output_matches 'Class: +ELF64'
	assert_output_matches 'Type: +EXEC'
	assert_output_matches 'Machine: +Advanced Micro Devices X86-64'
	local entry
	entry=$(sed -n 's/.*Entry point address: *//p' <<<"$output")
	[ $((entry)) -ge $((0x100000)) ] || { echo "entry $entry below 0x100000"; return 1; }
	run readelf -n --wide "$img"
	assert_output_has "Solo5"
	assert_output_has "0x31494241"
	local desc
	desc=$(abi_note "$img")
	[ "$desc" = "0$target 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00" ] ||
		{ echo "ABI note descriptor: '$desc', want target $target version 2"; return 1; }
	# No segment both writable and executable (tenders refuse them).
	run readelf -lW "$img"
	assert_output_has "NOTE"
	assert_output_lacks " RWE "
}

@test "clean build of hvt_defconfig: images/hello.hvt, an ELF with the Solo5 hvt ABI note" {
	assert_file "$HVT/images/hello.hvt" "$HVT.log"
	image_checks "$HVT/images/hello.hvt" 1
	[ -x "$HVT/host/bin/x86_64-kiln-hvt-cc" ]
}

@test "clean build of spt_defconfig: images/hello.spt, an ELF with the Solo5 spt ABI note" {
	assert_file "$SPT/images/hello.spt" "$SPT.log"
	image_checks "$SPT/images/hello.spt" 2
	[ -x "$SPT/host/bin/x86_64-kiln-spt-cc" ]
}

@test "readelf reads every note of the image without a warning (notes laid out as Solo5's)" {
	assert_file "$HVT/images/hello.hvt" "$HVT.log"
	# Solo5 aligns its notes to 4 bytes (the padding before the manifest
	# is inside the descriptor); ELF tools misread an 8-aligned one.
	run readelf -n --wide "$HVT/images/hello.hvt"
	assert_status 0
	assert_output_lacks "Warning"
	assert_output_has ".note.solo5.manifest"
	assert_output_has "0x3154464d"
}

@test "the quiet build prints one '  CC      <object>' line per step, no commands" {
	assert_file "$HVT.log"
	output=$(cat "$HVT.log")
	assert_output_matches '^  CC      build/runtime/.*\.o$'
	assert_output_matches '^  CC      build/boot-hvt/.*\.o$'
	assert_output_matches '^  CC      build/hello/hello\.o$'
	assert_output_matches '^  AR      staging/lib/libc\.a$'
	assert_output_matches '^  LD      images/hello\.hvt$'
	# No compiler command lines.
	if grep -E '(^|/)(gcc|x86_64-kiln-hvt-cc) ' "$HVT.log"; then
		echo "the quiet build printed the compiler commands above"
		return 1
	fi
}

@test "a clean build prints no compiler warnings" {
	assert_file "$HVT.log"
	assert_file "$SPT.log"
	if grep -iE 'warning:' "$HVT.log" "$SPT.log"; then
		echo "the builds above warned (Kiln compiles warning-free with -Wall -Wextra)"
		return 1
	fi
}

@test "a build leaves the source tree alone: nothing in output/ or dl/, no new ignored files" {
	[ -f "$KILN_SUITE_TMP/stamp" ]
	[ -z "$(find "$KILN_TOP/output" "$KILN_TOP/dl" -newer "$KILN_SUITE_TMP/stamp" 2>/dev/null)" ]
	git -C "$KILN_TOP" rev-parse --git-dir >/dev/null 2>&1 || skip "$KILN_TOP is not a git checkout"
	run diff "$KILN_SUITE_TMP/ignored-before" <(git -C "$KILN_TOP" status --porcelain --ignored | grep '^!!' || true)
	assert_status 0
}

@test "a no-op make rebuilds nothing" {
	assert_file "$HVT/images/hello.hvt" "$HVT.log"
	local before
	before=$(stat -c %Y.%y "$HVT/images/hello.hvt")
	run kiln_make "$HVT"
	assert_status 0
	if [ -n "$(steps "$output")" ]; then
		echo "a no-op make ran steps:"
		steps "$output"
		return 1
	fi
	[ "$(stat -c %Y.%y "$HVT/images/hello.hvt")" = "$before" ]
}

@test "touching hello.c rebuilds its object and the image, nothing else" {
	assert_file "$HVT/images/hello.hvt" "$HVT.log"
	touch "$KILN_TOP/package/hello/hello.c"
	run kiln_make "$HVT"
	assert_status 0
	local got want
	got=$(steps "$output")
	want=$(printf '  CC      build/hello/hello.o\n  LD      images/hello.hvt')
	if [ "$got" != "$want" ]; then
		echo "steps after touching hello.c:"
		echo "$got"
		echo "wanted:"
		echo "$want"
		return 1
	fi
}

@test "V=1 shows the full commands instead of the short lines" {
	assert_file "$HVT/images/hello.hvt" "$HVT.log"
	run kiln_make "$HVT" V=1 hello-rebuild
	assert_status 0
	assert_output_has "$HVT/host/bin/x86_64-kiln-hvt-cc"
	assert_output_has "-c -o $HVT/build/hello/hello.o"
	assert_output_has "-o $HVT/images/hello.hvt"
	assert_output_lacks "  CC      build/hello/hello.o"
	[ -f "$HVT/images/hello.hvt" ]
}

@test "the wrapper compiles and links an application by hand, outside the tree" {
	local cc=$SPT/host/bin/x86_64-kiln-spt-cc
	assert_file "$cc" "$SPT.log"
	local dir=$KILN_SUITE_TMP/by-hand
	rm -rf "$dir"
	mkdir -p "$dir"
	cat >"$dir/app.c" <<-'EOF'
	#include <stdio.h>
	#include <string.h>
	int main(int argc, char **argv)
	{
	    printf("built by hand: %s (%zu)\n", argc > 1 ? argv[1] : "-", strlen(argv[0]));
	    return 3;
	}
	EOF
	cd "$dir"
	run "$cc" -Wall -Wextra -Werror -c app.c -o app.o
	assert_status 0
	run "$cc" -o app.spt app.o
	assert_status 0
	image_checks "$dir/app.spt" 2
	assert_file "$SPT/host/bin/kiln-spt" "$SPT.tender.log"
	run kiln_boot "$SPT/host/bin/kiln-spt" "$dir/app.spt" -- world
	assert_status 3
	assert_output_has "built by hand: world"
}

@test "the hvt wrapper links an image with the hvt ABI note" {
	local cc=$HVT/host/bin/x86_64-kiln-hvt-cc
	assert_file "$cc" "$HVT.log"
	local dir=$KILN_SUITE_TMP/by-hand-hvt
	rm -rf "$dir"
	mkdir -p "$dir"
	printf '#include <stdio.h>\nint main(void) { puts("hvt by hand"); return 0; }\n' >"$dir/app.c"
	run "$cc" -o "$dir/app.hvt" "$dir/app.c"
	assert_status 0
	image_checks "$dir/app.hvt" 1
}

@test "the wrappers are programs (one exec per compile, no shell) that show their flags" {
	local cc=$HVT/host/bin/x86_64-kiln-cc link_cc=$HVT/host/bin/x86_64-kiln-hvt-cc
	assert_file "$link_cc" "$HVT.log"
	for w in "$cc" "$link_cc"; do
		[ "$(head -c 4 "$w" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] ||
			{ echo "$w is not an ELF program:"; head -n 3 "$w"; return 1; }
	done
	run "$cc" --kiln-flags
	assert_status 0
	[ "${#lines[@]}" -eq 1 ]
	assert_output_has "-std=gnu11 -pipe -O2"
	assert_output_has "-isystem $HVT/staging/include"
	run "$link_cc" --kiln-link-flags
	assert_status 0
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "-nostdlib -static -no-pie -Wl,-T,"*"/boot/hvt/hvt.lds "* ]]
	[[ "${lines[1]}" == *"-lkiln-boot-hvt"* ]]
	run "$cc" -o "$KILN_SUITE_TMP/never" "$KILN_SUITE_TMP/never.o"
	assert_status 2
	assert_output_has "x86_64-kiln-cc: this wrapper compiles only (-c, -S, -E, -M); link images with x86_64-kiln-<platform>-cc"
}

@test "changing a Toolchain option (-O2 to -Os) rebuilds every target object" {
	assert_file "$SPT/images/hello.spt" "$SPT.log"
	"$SPT/host/bin/x86_64-kiln-spt-cc" --kiln-flags | grep -q -- "-O2"
	printf 'KILN_PLATFORM_SPT=y\nKILN_OPTIMIZE_S=y\n' >"$KILN_SUITE_TMP/spt_os_defconfig"
	run kiln_load_config "$SPT" "$KILN_SUITE_TMP/spt_os_defconfig"
	assert_status 0
	grep -qx 'KILN_OPTIMIZE="-Os"' "$SPT/.config"
	run kiln_make "$SPT" -j2
	assert_status 0
	# The wrapper carries the new flag...
	"$SPT/host/bin/x86_64-kiln-spt-cc" --kiln-flags | grep -q -- "-Os"
	if "$SPT/host/bin/x86_64-kiln-spt-cc" --kiln-flags | grep -- "-O2"; then
		echo "the wrapper still passes -O2 (above)"
		return 1
	fi
	# ...and every runtime, boot shim and application object was recompiled.
	local objs ccs
	objs=$(find "$SPT/build/runtime" "$SPT/build/boot-spt" "$SPT/build/hello" -name '*.o' | wc -l)
	ccs=$(steps "$output" | grep -cE '^  (CC|AS) ')
	[ "$ccs" -ge "$objs" ] || { echo "$ccs objects recompiled, $objs exist"; steps "$output"; return 1; }
	assert_output_has "  LD      images/hello.spt"
}

@test "clean deletes the build products, keeps .config" {
	[ -d "$SPT" ]
	run kiln_make "$SPT" clean
	assert_status 0
	[ -f "$SPT/.config" ]
	local d
	for d in build host staging images; do
		[ ! -e "$SPT/$d" ] || { echo "$SPT/$d survived make clean"; return 1; }
	done
}

@test "distclean deletes the output folder" {
	[ -d "$SPT" ]
	run kiln_make "$SPT" distclean
	assert_status 0
	[ ! -e "$SPT" ]
}

# --- a host without a tool ----------------------------------------------

# path_without TOOL...: a PATH folder with every command of /usr/bin and
# /usr/sbin but TOOL... (Debian 12 merges /bin into /usr/bin).
path_without() {
	local dir=$KILN_SUITE_TMP/path-without-$1
	rm -rf "$dir"
	mkdir -p "$dir"
	local f skip t
	for f in /usr/sbin/* /usr/bin/*; do
		skip=
		for t; do [ "${f##*/}" = "$t" ] && skip=y; done
		[ -n "$skip" ] || ln -sf "$f" "$dir/"
	done
	echo "$dir"
}

@test "a missing kconfig-conf is reported with the package to install" {
	local path
	path=$(path_without kconfig-conf)
	local out=$KILN_SUITE_TMP/no-kconfig
	rm -rf "$out"
	PATH=$path run kiln_make "$out" hvt_defconfig
	[ "$status" -ne 0 ]
	assert_output_has "kconfig-conf"
	assert_output_has "kconfig-frontends"
	assert_output_has "scripts/setup"
}

@test "a missing build tool (patch) is reported before anything compiles" {
	local path out=$KILN_SUITE_TMP/no-patch
	path=$(path_without patch)
	rm -rf "$out"
	kiln_make "$out" hvt_defconfig
	PATH=$path run kiln_make "$out"
	[ "$status" -ne 0 ]
	assert_output_has "patch (Debian package patch)"
	assert_output_has "apt-get install patch"
	[ ! -e "$out/images" ]
	[ -z "$(find "$out" -name '*.o')" ]
}
