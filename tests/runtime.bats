#!/usr/bin/env bats
# The runtime on the host, against glibc as the oracle (runtime/tests/), and
# its libFuzzer targets for a short fixed time (runtime/tests/fuzz/).
# Each runtime/tests/test_*.c program is one test here.

load lib/common

RT_O=$KILN_TEST_TMP/runtime
RT_B=$RT_O/runtime-host

setup_file() {
	make -s -C "$KILN_TOP/runtime/tests" all O="$RT_O" >"$KILN_SUITE_TMP/build.log" 2>&1 || {
		tail -n 40 "$KILN_SUITE_TMP/build.log" >&3
		return 1
	}
}

# run_host_test NAME: run one test program; it prints "NAME: N checks, N failed".
run_host_test() {
	run "$RT_B/$1"
	echo "$output" | tail -n 20
	[ "$status" -eq 0 ]
	[[ "$output" =~ $1:\ [1-9][0-9]*\ checks,\ 0\ failed ]]
}

@test "runtime headers each compile on their own, pedantic and warning-free" {
	make -s -C "$KILN_TOP/runtime/tests" "$RT_B/headers.stamp" O="$RT_O"
}

@test "string and memory functions match glibc over every size and alignment" { run_host_test test_string; }
@test "memcpy, memmove, memset, memcmp, memchr, strlen, strchr, strcmp: every implementation (vector widths, portable, general-register) matches glibc over sizes 0-4096, alignments and page edges" { run_host_test test_string_impls; }
@test "strto* integer conversions match glibc" { run_host_test test_strtol; }
@test "strtod, strtof, strtold are correctly rounded (glibc as oracle)" { run_host_test test_strtod; }
@test "printf family: integer conversions, flags, widths, precisions bit-exact" { run_host_test test_printf; }
@test "printf family: %a %e %f %g for double and long double bit-exact" { run_host_test test_printf_fp; }
@test "sscanf matches glibc" { run_host_test test_sscanf; }
@test "stdio: console FILEs, buffering, snprintf truncation, failing file calls" { run_host_test test_stdio; }
@test "qsort matches glibc with bounded comparisons" { run_host_test test_qsort; }
@test "time conversions and strftime match glibc" { run_host_test test_time; }
@test "allocator stress: poisoned payloads, no overlap, alignment; corruption aborts" { run_host_test test_malloc; }
@test "ctype, setjmp, exit/atexit, assert, signal, locale, div, rand" { run_host_test test_libc; }
@test "an application built against Kiln's headers runs; fortify at levels 1-3 checks glibc's sizes (memset to the end of a struct passes, overflows abort)" { run_host_test test_app; }

# runtime_sources [VAR=VALUE...]: the runtime's source list as runtime.mk
# computes it for x86_64, one per line.
runtime_sources() {
	printf 'include $(KILN_TOP)/runtime/runtime.mk\nall:\n\t@printf "%%s\\n" $(RUNTIME_SOURCES) $(RUNTIME_FPU_SOURCES)\n' |
		make -s --no-print-directory -f - all KILN_TOP="$KILN_TOP" KILN_ARCH=x86_64 "$@"
}

@test "runtime.mk compiles <dir>/x86_64/<name> in place of <dir>/<name>.c; general-register string functions on request" {
	local sources f
	run runtime_sources
	[ "$status" -eq 0 ]
	sources=$output
	for f in setjmp/x86_64/setjmp.S string/x86_64/memcpy.S string/x86_64/strlen.S string/x86_64/strcmp.S string/strstr.c; do
		grep -qx "$f" <<<"$sources" || { echo "default: $f is not compiled"; return 1; }
	done
	for f in setjmp/setjmp.c string/memcpy.c string/strlen.c; do
		run grep -qx "$f" <<<"$sources"
		[ "$status" -ne 0 ] || { echo "default: $f is compiled beside its x86_64 version"; return 1; }
	done
	run runtime_sources KILN_RUNTIME_STRING_GENERAL_REGS=y
	[ "$status" -eq 0 ]
	sources=$output
	for f in setjmp/x86_64/setjmp.S string/x86_64/general-regs/memcpy.c string/x86_64/general-regs/memset.c string/strlen.c string/memcmp.c; do
		grep -qx "$f" <<<"$sources" || { echo "general regs: $f is not compiled"; return 1; }
	done
	run grep -c "string/x86_64/[a-z]*\.S" <<<"$sources"
	[ "$output" = 0 ] || { echo "general regs: $output vector string files are still compiled"; return 1; }
}

@test "every test program in runtime/tests is run by this suite" {
	for src in "$KILN_TOP"/runtime/tests/test_*.c; do
		name=$(basename "$src" .c)
		grep -q "run_host_test $name;" "$BATS_TEST_FILENAME" || { echo "not run here: $name"; return 1; }
	done
}

@test "libFuzzer targets (printf, strtod, sscanf) run clean for ${KILN_FUZZ_SECONDS:-10} s each" {
	command -v clang >/dev/null || skip "clang is not installed (sudo ./scripts/setup)"
	run make -s -C "$KILN_TOP/runtime/tests/fuzz" run O="$RT_O" FUZZ_SECONDS="${KILN_FUZZ_SECONDS:-10}"
	echo "$output" | tail -n 30
	[ "$status" -eq 0 ]
	[[ "$output" =~ "runtime fuzz: 3 targets clean" ]]
}
