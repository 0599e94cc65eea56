#!/usr/bin/env bats
# make gdb on each platform: the configured image boots with gdb attached,
# stopped at the application's main, its sources found through the
# /kiln and /kiln-output names of its debug information. gdb runs in batch
# mode over test-gdb (tests/fixtures/boot-tests): break at main, step into
# a function, print a local variable and a global, continue to the exit
# and see its status.
#   spt      gdb runs kiln-spt, the guest inside it
#   pc, microvm  QEMU's own gdb stub (kiln-qemu --gdb=SOCKET)
#   hvt      kiln-hvt's gdb stub (--gdb=PORT), where hvt guests run (the
#            VM of tests/lib/common.bash when this machine's KVM will not do)

load lib/common

# The platforms, as kiln_launcher names them (kiln_platform_lines).
GDB_TARGETS="spt pc microvm hvt"
STEPS=$KILN_SUITE_TMP/steps.gdb
BREAKS=$KILN_SUITE_TMP/breaks.gdb
SOURCE=tests/fixtures/boot-tests/package/test-gdb/test-gdb.c

setup_file() {
	local t
	for t in $GDB_TARGETS; do
		kiln_build_boot_test "$KILN_SUITE_TMP/$t" "$t" KILN_APP_TEST_GDB=y
	done
	# Stopped at main: into add_global, past its first line, the local
	# and the global, where the source is, on to the exit.
	printf '%s\n' step next 'print sum' 'print test_gdb_global' 'info source' continue >"$STEPS"
	# A breakpoint on a function, a write to memory, finish; then Ctrl-C
	# (gdb's interrupt, 3 s into the guest's wait), and kill.
	cat >"$BREAKS" <<-'EOF'
		break add_global
		set var test_gdb_global = 58
		continue
		finish
		python import threading; threading.Timer(3, lambda: gdb.post_event(lambda: gdb.execute("interrupt"))).start()
		continue
		bt
		kill
	EOF
}

setup() {
	kiln_require_cmd gdb gdb
	case $BATS_TEST_DESCRIPTION in
	*QEMU*) kiln_require_cmd qemu-system-x86_64 qemu-system-x86 ;;
	*hvt*) kiln_require_hvt ;;
	esac
}

# make_gdb TARGET [MAKE ARGS...]: make gdb in TARGET's output folder, with
# a time limit; use with `run`. hvt's runs where hvt guests run.
make_gdb() {
	local out=$KILN_SUITE_TMP/$1
	shift
	assert_file "$out/images/test-gdb.$(platform_of_out "$out")" "$out.log" || return 1
	kiln_on_platform_of "$out" timeout --kill-after=5 180 "${KILN_MAKE[@]}" O="$out" gdb "$@"
}

platform_of_out() {
	sed -n 's/^KILN_PLATFORM="\(.*\)"$/\1/p' "$1/.config"
}

# gdb_session TARGET: the batch session every platform runs, and what gdb
# must have printed on the way; the exit is each platform's own.
gdb_session() {
	run make_gdb "$1" ARGS=forty-two GDB_ARGS="-batch -x $STEPS"
	# Stopped at main: the debug information's names, the source's text.
	assert_output_matches "main \\(argc=2, argv=0x[0-9a-f]+\\) at /kiln/$SOURCE:[0-9]+"
	assert_output_has "	    int total = add_global(argc);"
	# step: into add_global, at its first line.
	assert_output_matches "add_global \\(n=2\\) at /kiln/$SOURCE:[0-9]+"
	assert_output_has "	    int sum = n + test_gdb_global;"
	# next, then the local and the global.
	assert_output_has "	    return sum;"
	assert_output_has '$1 = 42'
	assert_output_has '$2 = 40'
	# /kiln is this tree: the sources are found here.
	assert_output_has "Located in $KILN_TOP/$SOURCE"
	assert_output_lacks "No such file or directory"
	# continue: the guest runs to its end.
	assert_output_has "test-gdb: forty-two total 42"
}

# gdb_breaks TARGET: the second batch, and what gdb must have printed.
gdb_breaks() {
	# The guest waits 30 s after add_global, until interrupted.
	run make_gdb "$1" ARGS="forty-two 30" GDB_ARGS="-batch -x $BREAKS"
	assert_output_matches "main \\(argc=3, argv=0x[0-9a-f]+\\) at /kiln/$SOURCE:[0-9]+"
	assert_output_matches "Breakpoint [0-9]+, add_global \\(n=3\\) at /kiln/$SOURCE:[0-9]+"
	# 3 + the global as written by gdb.
	assert_output_has "Value returned is \$1 = 61"
	assert_output_has "Program received signal SIGINT"
	# The tender's stderr and gdb's stdout share this output, and the
	# tender's line (one write) can land inside a line gdb writes in
	# pieces: gdb's backtrace is matched with the tenders' lines taken out.
	local both=$output
	output=$(sed -z -E 's/kiln-(hvt|qemu|spt): [^\n]*\n//g' <<<"$both")
	assert_output_matches "in wait_seconds \\(seconds=30\\) at /kiln/$SOURCE:[0-9]+"
	output=$both
	assert_output_lacks "total 61"
}

@test "spt: make gdb stops at main, steps, prints a local and a global, continues to exit 42" {
	gdb_session spt
	assert_output_matches '\[Inferior 1 \(process [0-9]+\) exited with code 052\]'
	# Stopped in the tender before the guest ran, silently: only main's stop is shown.
	assert_output_lacks "spt_guest_ready ("
}

@test "QEMU pc: make gdb through QEMU's stub stops at main, steps, prints, continues to exit 42" {
	gdb_session pc
	assert_output_has "kiln-gdb: kiln-qemu exited with status 42"
}

@test "QEMU microvm: make gdb through QEMU's stub stops at main, steps, prints, continues to exit 42" {
	gdb_session microvm
	assert_output_has "kiln-gdb: kiln-qemu exited with status 42"
}

@test "hvt: make gdb through kiln-hvt's stub stops at main, steps, prints, continues to exit 42" {
	gdb_session hvt
	assert_output_matches '\[Inferior 1 \(Remote target\) exited with code 052\]'
	assert_output_has "kiln-gdb: kiln-hvt exited with status 42"
}

@test "spt: a breakpoint on a function, a memory write, finish, Ctrl-C, kill" {
	gdb_breaks spt
	assert_output_matches '\[Inferior 1 \(process [0-9]+\) killed\]'
}

@test "QEMU pc: a breakpoint on a function, a memory write, finish, Ctrl-C, kill" {
	gdb_breaks pc
	assert_output_has "kiln-qemu: the debugger ended the guest before it exited"
}

@test "hvt: a breakpoint on a function, a memory write, finish, Ctrl-C, kill" {
	gdb_breaks hvt
	assert_output_has "kiln-hvt: gdb: the debugger ended the guest (kill)"
	assert_output_has "kiln-gdb: kiln-hvt exited with status 1"
}

@test "QEMU: gdb ending before the guest does stops QEMU and the guest, saying so" {
	# The guest would wait 60 s after main before printing its total.
	run make_gdb pc ARGS="forty-two 60" GDB_ARGS="-batch"
	assert_output_matches "main \\(argc=3, argv=0x[0-9a-f]+\\) at /kiln/$SOURCE:[0-9]+"
	assert_output_has "kiln-gdb: gdb has ended: stopping kiln-qemu and its guest"
	assert_output_lacks "total 43"
	run pgrep -f "$KILN_SUITE_TMP/pc/images/test-gdb.virtio"
	[ "$status" -eq 1 ] || { echo "a QEMU of the session is still running: $output"; return 1; }
}

@test "spt: make gdb on an image without a main says so" {
	# A copy of the image without its symbol table stands for one.
	local out=$KILN_SUITE_TMP/spt stripped=$KILN_SUITE_TMP/stripped.spt
	assert_file "$out/images/test-gdb.spt" "$out.log"
	strip -o "$stripped" "$out/images/test-gdb.spt"
	run "$KILN_TOP/scripts/kiln-gdb" --how=process --ready=spt_guest_ready --image="$stripped" \
		-- "$out/host/bin/kiln-spt" "$stripped"
	assert_status 1
	assert_output_has "kiln-gdb: $stripped has no function main"
}
