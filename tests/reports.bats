#!/usr/bin/env bats
# Reports on a build: make size and make graph-size on its image
# (scripts/size-report, from the linker's map), whose totals must be the
# image's own section sizes with every byte given to a component; make
# graph-build on where its time went (scripts/build-time-report, from the
# starts the steps recorded), which must count every step the build printed.

load lib/common

SPT=$KILN_SUITE_TMP/spt

setup_file() {
	kiln_build "$SPT" spt_defconfig >&3 || true
}

setup() {
	[ -f "$SPT/images/hello.spt" ] || { cat "$SPT.log"; false; }
}

# section_bytes IMAGE ERE: the sum of the sizes of IMAGE's allocated
# sections whose names match ERE (size -A: "name size addr").
section_bytes() {
	size -A "$1" | awk -v re="$2" '$1 ~ re && $3 != 0 { s += $2 } END { print s + 0 }'
}

# column NAME KIND: the KIND column (2 text, 3 rodata, 4 data, 5 bss) of
# make size's row NAME in $output.
column() {
	awk -v name="$1" -v col="$2" '$1 == name { print $col; exit }' <<<"$output"
}

@test "make size gives each component's bytes, and the totals are the image's sections" {
	run kiln_make "$SPT" -s size
	assert_status 0
	for c in runtime boot-spt hello; do
		[ -n "$(column "$c" 2)" ] || { echo "no row for $c:"; echo "$output"; false; }
	done
	local img=$SPT/images/hello.spt
	[ "$(column total 2)" -eq "$(section_bytes "$img" '^\.text')" ]
	[ "$(column total 3)" -eq "$(section_bytes "$img" '^\.(rodata|note|eh_frame)')" ]
	[ "$(column total 4)" -eq "$(section_bytes "$img" '^\.(data|tdata|got)')" ]
	[ "$(column total 5)" -eq "$(section_bytes "$img" '^\.(bss|tbss)')" ]
	# hello's main is in the application's row, printf in the runtime's.
	[ "$(column hello 2)" -gt 0 ]
	[ "$(column runtime 2)" -gt 1000 ]
}

@test "make size lists the largest objects and symbols and the image's segments" {
	run kiln_make "$SPT" -s size KILN_SIZE_TOP=5
	assert_status 0
	assert_output_has "the 5 largest objects"
	assert_output_has "the 5 largest symbols"
	assert_output_has "libc.a("
	local segments
	segments=$(sed -n '/^segments/,$p' <<<"$output" | grep -c '^  LOAD ')
	[ "$segments" -eq "$(readelf -lW "$SPT/images/hello.spt" | grep -c '^  LOAD ')" ]
	[ "$(sed -n '/largest symbols/,/^$/p' <<<"$output" | grep -cE '^  +[0-9]+ ')" -eq 5 ]
}

@test "make graph-size draws the components as an SVG" {
	run kiln_make "$SPT" -s graph-size
	assert_status 0
	local svg=$SPT/graphs/graph-size.svg
	assert_output_has "graph: $svg"
	python3 -c 'import sys, xml.etree.ElementTree as t; t.parse(sys.argv[1])' "$svg"
	grep -q '>runtime<' "$svg"
	grep -q '>hello<' "$svg"
}

@test "make size without the image's map says how to get one" {
	local map=$SPT/build/hello/hello.spt.map
	[ -f "$map" ]
	# The image up to date first: a make that links it writes the map
	# again, and the case is an image whose map is gone. (One CI run saw
	# make size link it here; the output says what make did.)
	run kiln_make "$SPT" -s
	assert_status 0
	mv "$map" "$map.saved"
	run kiln_make "$SPT" -s size
	mv "$map.saved" "$map"
	echo "$output"
	[ "$status" -ne 0 ]
	assert_output_has "hello.spt.map: no such file: the image was linked without its map"
	assert_output_has "rm $SPT/images/hello.spt && make"
}

@test "make graph-build counts every step the build printed, per component and kind" {
	run kiln_make "$SPT" -s graph-build
	assert_status 0
	local cc printed
	cc=$(awk '$1 == "CC" { print $2; exit }' <<<"$output")
	printed=$(grep -c '^  CC ' "$SPT.log")
	[ "$cc" -eq "$printed" ] || { echo "CC steps: $cc reported, $printed printed"; echo "$output"; false; }
	for c in runtime boot-spt hello "image (link)"; do
		grep -q "^  $c  " <<<"$output" || { echo "no row for $c"; echo "$output"; false; }
	done
	local svg=$SPT/graphs/graph-build.svg
	python3 -c 'import sys, xml.etree.ElementTree as t; t.parse(sys.argv[1])' "$svg"
	grep -q '>runtime<' "$svg"
}

@test "make graph-build before any build says what to do" {
	local empty=$BATS_TEST_TMPDIR/empty
	kiln_make "$empty" spt_defconfig >/dev/null
	run kiln_make "$empty" -s graph-build
	[ "$status" -ne 0 ]
	assert_output_has "build-time.log: no such file: build first (make)"
}
