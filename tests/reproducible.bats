#!/usr/bin/env bats
# Reproducible images: the same configuration built from two clones in
# different folders, into different output folders (one outside the tree,
# one inside it), with a different umask, locale, time zone and file times,
# gives images identical byte for byte, debug information included; and gdb
# finds the sources of such an image through `set substitute-path`.
#
# The clones are `git clone`s of the tree under test with its uncommitted
# changes copied over (or plain copies where the tree is not a git
# checkout), so what is tested is the working tree.

load lib/common

FIRST=$KILN_SUITE_TMP/first/kiln
SECOND=$KILN_SUITE_TMP/elsewhere/second-clone

setup_file() {
	clone_tree "$FIRST" && clone_tree "$SECOND" || return 1
	# The second clone's files are old: nothing may embed a file's time.
	find "$SECOND" -path "$SECOND/.git" -prune -o -exec touch -h -d '2001-02-03 04:05:06' {} + || return 1
}

# clone_tree DEST: the tree under test, uncommitted changes included, at DEST.
clone_tree() {
	local dest=$1 f
	rm -rf "$dest"
	mkdir -p "$(dirname "$dest")"
	if git -C "$KILN_TOP" rev-parse --git-dir >/dev/null 2>&1; then
		git clone -q --no-hardlinks "$KILN_TOP" "$dest" || return 1
		# Modified and new files over the commit, deleted ones removed.
		(cd "$KILN_TOP" && git ls-files -z -c -o --exclude-standard) |
			(cd "$KILN_TOP" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
			(cd "$KILN_TOP" && xargs -0 -r cp -a --parents -t "$dest") || return 1
		while IFS= read -r -d '' f; do
			rm -f "$dest/$f"
		done < <(git -C "$KILN_TOP" ls-files -z -d)
	else
		mkdir -p "$dest" &&
			tar -C "$KILN_TOP" --exclude=./output --exclude=./dl -cf - . | tar -C "$dest" -xf -
	fi
}

# build_in TREE O UMASK LOCALE TZ DEFCONFIG [MAKE ARGS...]: a fresh O configured
# with DEFCONFIG and built from TREE under that umask, LC_ALL and TZ; the log is O.log.
build_in() {
	local tree=$1 out=$2 mask=$3 locale=$4 zone=$5 defconfig=$6
	shift 6
	rm -rf "$out" "$out.log"
	(
		umask "$mask"
		export LC_ALL=$locale TZ=$zone
		make_in "$tree" "$out" "$@" "$defconfig" && make_in "$tree" "$out" "$@" -j2
	) >"$out.log" 2>&1 || { echo "the build in $out failed; the end of $out.log:"; tail -n 30 "$out.log"; return 1; }
}

make_in() {
	local tree=$1 out=$2
	shift 2
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS -u V make --no-print-directory -C "$tree" O="$out" "$@"
}

# assert_names_no_folder IMAGE DIR...: no string in IMAGE names any DIR.
assert_names_no_folder() {
	local image=$1 dir
	shift
	for dir in "$@"; do
		if strings -a "$image" | grep -F -- "$dir"; then
			echo "$image names $dir (above)"
			return 1
		fi
	done
}

@test "hello on hvt: two clones, two output folders, umasks, locales, zones and file times, one image" {
	local first_o=$KILN_SUITE_TMP/first/out second_o=$SECOND/output
	build_in "$FIRST" "$first_o" 022 C UTC hvt_defconfig
	build_in "$SECOND" "$second_o" 077 C.UTF-8 XYZ-14 hvt_defconfig
	assert_same_image "$first_o/images/hello.hvt" "$second_o/images/hello.hvt"
	assert_names_no_folder "$first_o/images/hello.hvt" "$FIRST" "$first_o"
	assert_names_no_folder "$second_o/images/hello.hvt" "$SECOND"
	# Debug information is there to be the same: the test would prove little without it.
	readelf -SW "$first_o/images/hello.hvt" | grep -q ' \.debug_info '
}

@test "gdb finds the sources of a reproducible image through set substitute-path" {
	command -v gdb >/dev/null || skip "gdb is not installed (Debian package gdb)"
	local out=$KILN_SUITE_TMP/first/out
	[ -f "$out/images/hello.hvt" ] || skip "the hello build of the first test failed"
	run gdb -batch -nx -ex "set substitute-path /kiln-output $out" -ex "set substitute-path /kiln $FIRST" \
		-ex 'list main' -ex 'info source' "$out/images/hello.hvt"
	assert_status 0
	assert_output_has "int main(int argc, char **argv)"
	assert_output_has "Located in $FIRST/package/hello/hello.c"
	# Without the substitution gdb has only the fixed name, which does not exist here.
	run gdb -batch -nx -ex 'list main' -ex 'info source' "$out/images/hello.hvt"
	assert_output_lacks "int main(int argc, char **argv)"
	assert_output_has "/kiln/package/hello/hello.c"
}

@test "the selftests configuration (every package) on spt: two clones, one image" {
	local mirror_cache=${KILN_MIRROR_CACHE:-${HOME:-/root}/.cache/kiln/mirror} mirror status=0
	mirror=$("$KILN_TOP/tests/mirror/build-mirror" -c "$mirror_cache" mbedtls cjson lz4 lua libm \
		2>"$KILN_SUITE_TMP/mirror.log") || status=$?
	[ $status -ne 2 ] || skip "Debian's source archive is unreachable: no mirror to build from (tests/mirror/build-mirror)"
	[ $status -eq 0 ] || { cat "$KILN_SUITE_TMP/mirror.log"; return 1; }
	local site=KILN_PRIMARY_SITE=file://$mirror first_o=$KILN_SUITE_TMP/first/selftests
	local second_o=$KILN_SUITE_TMP/elsewhere/selftests-out
	build_in "$FIRST" "$first_o" 022 C UTC spt_selftests_defconfig "$site" KILN_PRIMARY_SITE_ONLY=y
	build_in "$SECOND" "$second_o" 077 C.UTF-8 XYZ-14 spt_selftests_defconfig "$site" KILN_PRIMARY_SITE_ONLY=y
	assert_same_image "$first_o/images/selftests.spt" "$second_o/images/selftests.spt"
	assert_names_no_folder "$first_o/images/selftests.spt" "$FIRST" "$first_o"
	assert_names_no_folder "$second_o/images/selftests.spt" "$SECOND" "$second_o"
}
