#!/usr/bin/env bats
# Fuzzing of the host programs' parsers that tests/tender.bats does not
# cover: kiln-dl's (libFuzzer, scripts/dl/fuzz) and the shell parsers
# kconfig-check and gen-manifest (mutation testing, tests/lib/mutate.py).
# Each replays the inputs that once broke it (regressions/), then tries new
# ones briefly; `make fuzz` runs the same, longer.

load lib/common

MUTATE=$KILN_TOP/tests/lib/mutate.py
REGRESSIONS=$KILN_TOP/tests/mutate/regressions

@test "fuzz: kiln-dl's hash-file and Content-Range parsers run clean under ASan and UBSan" {
	kiln_require_cmd clang clang
	run make -s -C "$KILN_TOP/scripts/dl/fuzz" run O="$KILN_SUITE_TMP/fuzz" FUZZ_SECONDS="${KILN_FUZZ_SECONDS:-10}"
	echo "$output" | tail -n 30
	assert_status 0
	assert_output_matches "^fuzz_hashfile: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_matches "^fuzz_content_range: clean for [0-9]+ s \([0-9]+ runs"
	assert_output_has "kiln-dl fuzz: 2 targets clean"
}

@test "fuzz: KILN_FUZZ_RUNS ends each target after that many executions; a value that is no number is refused" {
	kiln_require_cmd clang clang
	KILN_FUZZ_RUNS=3000 run make -s -C "$KILN_TOP/scripts/dl/fuzz" run O="$KILN_SUITE_TMP/fuzz" FUZZ_SECONDS=600
	echo "$output" | tail -n 10
	assert_status 0
	assert_output_matches "^fuzz_hashfile: clean for [0-9]+ s \(3000 runs\)"
	assert_output_matches "^fuzz_content_range: clean for [0-9]+ s \(3000 runs\)"
	KILN_FUZZ_RUNS=10M run make -s -C "$KILN_TOP/scripts/dl/fuzz" run O="$KILN_SUITE_TMP/fuzz" FUZZ_SECONDS=600
	echo "$output" | tail -n 10
	assert_status 2
	assert_output_has "KILN_FUZZ_RUNS='10M' is not a number of executions"
	assert_output_lacks "keep the input"
}

@test "fuzz regressions: .config files that once garbled kconfig-check's messages get a file:line error" {
	kiln_require_cmd kconfig-conf kconfig-frontends
	run "$MUTATE" kconfig-check --replay "$REGRESSIONS"/kconfig-check/*
	echo "$output"
	assert_status 0
	assert_output_matches "^kconfig-check: clean for [0-9]+ inputs"
}

@test "fuzz regressions: arguments that gen-manifest once misquoted are named as given" {
	run "$MUTATE" gen-manifest --replay "$REGRESSIONS"/gen-manifest/*
	echo "$output"
	assert_status 0
	assert_output_matches "^gen-manifest: clean for [0-9]+ inputs"
}

@test "fuzz: mutated .config files end in exit 0 or a kconfig-check error naming file:line" {
	kiln_require_cmd kconfig-conf kconfig-frontends
	run "$MUTATE" kconfig-check -n 60 --save "$KILN_SUITE_TMP/mutate"
	echo "$output"
	assert_status 0
	assert_output_matches "^kconfig-check: clean for 60 inputs \([0-9]+ accepted, [0-9]+ refused"
}

@test "fuzz: mutated gen-manifest arguments give exactly the devices given, or an error naming the argument" {
	run "$MUTATE" gen-manifest -n 60 --save "$KILN_SUITE_TMP/mutate"
	echo "$output"
	assert_status 0
	assert_output_matches "^gen-manifest: clean for 60 inputs \([0-9]+ accepted, [0-9]+ refused"
}
