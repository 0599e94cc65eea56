#!/usr/bin/env bats
# The runtime on aarch64: the host tests of runtime/tests (tests/runtime.bats
# runs them on x86_64) cross-compiled with boot/aarch64/toolchain.mk's
# compiler and flags, linked with Debian's aarch64 glibc, and run under
# qemu-user (qemu-aarch64 -L /usr/aarch64-linux-gnu), glibc being the
# oracle there too: the IEEE binary128 long double in printf and strtold,
# aarch64's setjmp, the portable string functions. The tools come from
# ./scripts/setup; without them each test skips and says which is missing.

load lib/common

RT_O=$KILN_TEST_TMP/runtime-aarch64
RT_B=$RT_O/runtime-aarch64
QEMU_AARCH64=(qemu-aarch64 -L /usr/aarch64-linux-gnu)

# aarch64_missing: the first missing tool, with its Debian package.
aarch64_missing() {
	command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 ||
		{ echo "aarch64-linux-gnu-gcc is not installed (Debian package gcc-aarch64-linux-gnu; sudo ./scripts/setup)"; return; }
	[ -e /usr/aarch64-linux-gnu/include/stdio.h ] ||
		{ echo "the aarch64 glibc headers are not installed (Debian package libc6-dev-arm64-cross; sudo ./scripts/setup)"; return; }
	[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] ||
		{ echo "the aarch64 glibc is not installed (Debian package libc6-arm64-cross; sudo ./scripts/setup)"; return; }
	command -v qemu-aarch64 >/dev/null 2>&1 ||
		{ echo "qemu-aarch64 is not installed (Debian package qemu-user; sudo ./scripts/setup)"; return; }
}

setup_file() {
	# bats 1.8 cannot skip from here: setup() skips each test instead.
	[ -z "$(aarch64_missing)" ] || return 0
	make -s -C "$KILN_TOP/runtime/tests" all KILN_ARCH=aarch64 O="$RT_O" -j2 \
		>"$KILN_SUITE_TMP/build.log" 2>&1 || {
		tail -n 40 "$KILN_SUITE_TMP/build.log" >&3
		return 1
	}
}

setup() {
	local missing
	missing=$(aarch64_missing)
	[ -z "$missing" ] || skip "$missing"
}

# run_aarch64_test NAME: run one test program under qemu-aarch64 (in a
# folder of its own, no core files from the aborts it provokes); it prints
# "NAME: N checks, N failed" and exits non-zero on any failure. Explicit
# returns: it fails the same way inside a condition (the test below).
run_aarch64_test() {
	mkdir -p "$BATS_TEST_TMPDIR/cwd"
	cd "$BATS_TEST_TMPDIR/cwd" || return 1
	ulimit -c 0
	run "${QEMU_AARCH64[@]}" "$RT_B/$1"
	echo "$output" | tail -n 20
	[ "$status" -eq 0 ] || { echo "$1 exited with status $status under qemu-aarch64"; return 1; }
	[[ "$output" =~ $1:\ [1-9][0-9]*\ checks,\ 0\ failed ]] ||
		{ echo "$1 printed no \"$1: N checks, 0 failed\""; return 1; }
}

@test "aarch64: the test programs are aarch64 executables" {
	run aarch64-linux-gnu-readelf -h "$RT_B/test_printf_fp"
	assert_status 0
	assert_output_matches "Machine: +AArch64"
}

@test "aarch64: string and memory functions match glibc over every size and alignment" { run_aarch64_test test_string; }
@test "aarch64: memcpy, memmove, memset, memcmp, memchr, strlen, strchr, strcmp (the portable ones) match glibc over sizes 0-4096, alignments and page edges" { run_aarch64_test test_string_impls; }
@test "aarch64: strto* integer conversions match glibc" { run_aarch64_test test_strtol; }
@test "aarch64: strtod, strtof, strtold (binary128) are correctly rounded (glibc as oracle)" { run_aarch64_test test_strtod; }
@test "aarch64: printf family: integer conversions, flags, widths, precisions bit-exact" { run_aarch64_test test_printf; }
@test "aarch64: printf family: %a %e %f %g for double and binary128 long double bit-exact" { run_aarch64_test test_printf_fp; }
@test "aarch64: sscanf matches glibc" { run_aarch64_test test_sscanf; }
@test "aarch64: stdio: console FILEs, buffering, snprintf truncation, failing file calls" { run_aarch64_test test_stdio; }
@test "aarch64: qsort matches glibc with bounded comparisons" { run_aarch64_test test_qsort; }
@test "aarch64: time conversions and strftime match glibc" { run_aarch64_test test_time; }
@test "aarch64: allocator stress: poisoned payloads, no overlap, alignment; corruption aborts" { run_aarch64_test test_malloc; }
@test "aarch64: ctype, setjmp (x19-x30, sp, d8-d15), exit/atexit, assert, signal, locale, div, rand" { run_aarch64_test test_libc; }
@test "aarch64: an application built against Kiln's headers runs; fortify at levels 1-3 checks glibc's sizes" { run_aarch64_test test_app; }

@test "aarch64: every test program in runtime/tests is run by this suite" {
	local src name
	for src in "$KILN_TOP"/runtime/tests/test_*.c; do
		name=$(basename "$src" .c)
		grep -q "run_aarch64_test $name;" "$BATS_TEST_FILENAME" || { echo "not run here: $name"; return 1; }
	done
}

@test "aarch64: the runner's check fails on a failing program (a wrong check count or status is no pass)" {
	# A program that exits 1 after printing a pass line, and one that
	# prints "1 failed": run_aarch64_test must fail on both.
	mkdir -p "$BATS_TEST_TMPDIR/fake"
	printf '#include <stdio.h>\nint main(void){puts("%s: 5 checks, %s failed");return %s;}\n' test_fake1 0 1 >"$BATS_TEST_TMPDIR/fake/a.c"
	printf '#include <stdio.h>\nint main(void){puts("%s: 5 checks, %s failed");return %s;}\n' test_fake2 1 0 >"$BATS_TEST_TMPDIR/fake/b.c"
	aarch64-linux-gnu-gcc -o "$RT_B/test_fake1" "$BATS_TEST_TMPDIR/fake/a.c"
	aarch64-linux-gnu-gcc -o "$RT_B/test_fake2" "$BATS_TEST_TMPDIR/fake/b.c"
	local rc1=0 rc2=0 rc3=0
	( run_aarch64_test test_fake1 ) >/dev/null || rc1=$?
	( run_aarch64_test test_fake2 ) >/dev/null || rc2=$?
	# And a real one passes through the same path.
	( run_aarch64_test test_qsort ) >/dev/null || rc3=$?
	rm -f "$RT_B/test_fake1" "$RT_B/test_fake2"
	[ "$rc1" -ne 0 ] || { echo "a program that exits 1 passed"; return 1; }
	[ "$rc2" -ne 0 ] || { echo "a program with a failed check passed"; return 1; }
	[ "$rc3" -eq 0 ] || { echo "test_qsort failed in the runner's check"; return 1; }
}

# runtime_sources: the runtime's source list as runtime.mk computes it for
# aarch64, one per line.
runtime_sources() {
	printf 'include $(KILN_TOP)/runtime/runtime.mk\nall:\n\t@printf "%%s\\n" $(RUNTIME_SOURCES) $(RUNTIME_FPU_SOURCES)\n' |
		make -s --no-print-directory -f - all KILN_TOP="$KILN_TOP" KILN_ARCH=aarch64
}

@test "aarch64: runtime.mk compiles setjmp/aarch64/setjmp.S and the portable string functions" {
	local sources f
	run runtime_sources
	assert_status 0
	sources=$output
	for f in setjmp/aarch64/setjmp.S string/memcpy.c string/strlen.c string/strcmp.c stdlib/strtold.c stdio/fmt_float.c; do
		grep -qx "$f" <<<"$sources" || { echo "aarch64: $f is not compiled"; return 1; }
	done
	run grep -c -e "x86_64/" -e "^setjmp/setjmp.c$" <<<"$sources"
	[ "$output" = 0 ] || { echo "aarch64: $output x86_64 or portable setjmp files are compiled"; return 1; }
}

@test "aarch64: the runtime objects got the architecture's flags (boot/aarch64/toolchain.mk)" {
	# -mno-outline-atomics: no call to libgcc's __aarch64_* atomics helpers.
	run aarch64-linux-gnu-nm -u "$RT_B/libkiln-prefixed.a"
	assert_status 0
	assert_output_lacks "__aarch64_"
	run aarch64-linux-gnu-readelf -h "$RT_B/obj/setjmp/aarch64/setjmp.o"
	assert_status 0
	assert_output_matches "Machine: +AArch64"
}
