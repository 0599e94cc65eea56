#!/usr/bin/env bats
# tests/run itself, on small suites written here: the counts, the skip
# reasons listed before the summary line (which stays the last line, the
# one CI reads), and strict mode (KILN_TESTS_STRICT=1), where a skip not
# allowed by tests/skips-allowed is a failure.

load lib/common

# The suites, in tests/fixtures/harness (not tests/, so a full run skips
# them; they are not written from here because bats would take their
# @test lines for this file's own).
SUITES=$KILN_TOP/tests/fixtures/harness

# run_tests [SUITE...]: tests/run on suites of $SUITES, in a folder of its
# own, strict only where the caller sets KILN_TESTS_STRICT.
run_tests() {
	local paths=() s unset=() v
	for s; do paths+=("$SUITES/$s.bats"); done
	# Without this bats' own variables (the inner bats would take them).
	for v in $(compgen -e); do
		case $v in BATS_*) unset+=(-u "$v") ;; esac
	done
	run env "${unset[@]}" KILN_TEST_TMP="$BATS_TEST_TMPDIR/run" \
		KILN_TESTS_STRICT="${KILN_TESTS_STRICT:-}" "$KILN_TOP/tests/run" "${paths[@]}" 3>&-
}

# last_line_is TEXT: the last line of $output is TEXT.
last_line_is() {
	if [ "${lines[-1]}" != "$1" ]; then
		echo "expected the last line to be: $1"
		printf '%s\n' "$output"
		return 1
	fi
}

@test "tests/run lists each skip reason with its count, then the summary as the last line" {
	KILN_TESTS_STRICT= run_tests mixed
	assert_status 0
	assert_output_has "--- mixed: 2 passed, 0 failed, 4 skipped"
	last_line_is "2 passed, 0 failed, 4 skipped"
	# The section: its heading, most frequent reason first.
	local section
	section=$(sed -n '/^skipped:$/,$p' <<<"$output")
	[ "$section" = "skipped:
  2  frobnicator is not installed
  1  (no reason given)
  1  no Solo5 tender for spt: set SOLO5_SPT=<path of solo5-spt> or SOLO5_DIR=<built Solo5 tree>
2 passed, 0 failed, 4 skipped" ] || { echo "the skip section and summary:"; echo "$section"; return 1; }
}

@test "tests/run counts failures and skips of several suites, and exits non-zero on a failure" {
	KILN_TESTS_STRICT= run_tests mixed failing
	[ "$status" -ne 0 ]
	assert_output_has "--- failing: 0 passed, 1 failed, 1 skipped"
	assert_output_has "  1  reason from setup"
	assert_output_lacks "KILN_TESTS_STRICT"
	last_line_is "2 passed, 1 failed, 5 skipped"
}

@test "tests/run without skips prints no skip section" {
	KILN_TESTS_STRICT= run_tests clean
	assert_status 0
	assert_output_lacks "skipped:"
	last_line_is "1 passed, 0 failed, 0 skipped"
}

@test "strict: a skip not on tests/skips-allowed is a failure, named; an allowed one stays a skip" {
	KILN_TESTS_STRICT=1 run_tests mixed
	[ "$status" -ne 0 ]
	assert_output_has "KILN_TESTS_STRICT=1: 3 skip(s) not allowed by tests/skips-allowed, counted as failed:"
	assert_output_has "  mixed: needs a tool: frobnicator is not installed"
	assert_output_has "  mixed: needs it too: frobnicator is not installed"
	assert_output_has "  mixed: skips without a reason: (no reason given)"
	assert_output_lacks "  mixed: Solo5 cross-check:"
	# Still listed among the skip reasons, still before the last line.
	assert_output_has "  1  no Solo5 tender for spt"
	last_line_is "2 passed, 3 failed, 1 skipped"
}

@test "strict: only allowed skips pass" {
	KILN_TESTS_STRICT=1 run_tests allowed
	assert_status 0
	assert_output_lacks "counted as failed"
	last_line_is "1 passed, 0 failed, 1 skipped"
}

@test "tests/skips-allowed: every entry is a valid ERE with a comment above it" {
	local file=$KILN_TOP/tests/skips-allowed line prev= n=0
	while IFS= read -r line; do
		case $line in
		'#'* | '') ;;
		*)
			n=$((n + 1))
			[[ $prev == '#'* ]] || { echo "no comment says why this skip is allowed: $line"; return 1; }
			# grep exits 2 on a bad regular expression, 1 on no match.
			local rc=0
			grep -qE -e "$line" <<<"" || rc=$?
			[ "$rc" -ne 2 ] || { echo "not a valid ERE: $line"; return 1; }
			;;
		esac
		prev=$line
	done <"$file"
	[ "$n" -ge 1 ]
}
