#!/usr/bin/env bats
# make watch (scripts/watch), driven for real in tmux: it builds and boots
# test-exit (spt) from a copy of the boot-tests external tree, then a saved
# edit of the application's source is rebuilt and booted again, its new
# output on the screen within a second of the rebuild; a broken build
# shows gcc's error and the loop goes on; RUN=0 only builds; a .config
# saved again starts a cycle; Ctrl-C stops it.

load lib/common

OUT=$KILN_SUITE_TMP/out
EXT=$KILN_SUITE_TMP/ext

setup_file() {
	cp -a "$KILN_BOOT_TESTS" "$EXT"
	kiln_make "$OUT" KILN_EXTERNAL="$EXT" spt_boot_tests_defconfig >/dev/null
}

setup() {
	kiln_require_cmd tmux tmux
	kiln_require_cmd inotifywait inotify-tools
	SRC=$EXT/package/test-exit/test-exit.c
	cp "$SRC" "$BATS_TEST_TMPDIR/test-exit.c.orig"
}

teardown() {
	tmux_cmd kill-server 2>/dev/null || true
	cp "$BATS_TEST_TMPDIR/test-exit.c.orig" "$SRC"
}

# A tmux server of our own (-L), so nothing else's sessions are touched;
# its panes stay when their command ends (Ctrl-C ends the shell too), so
# that what watch printed last can still be read.
tmux_cmd() {
	[ -f "$BATS_FILE_TMPDIR/tmux.conf" ] ||
		echo "set-option -g remain-on-exit on" >"$BATS_FILE_TMPDIR/tmux.conf"
	tmux -L "kiln-watch-$$" -f "$BATS_FILE_TMPDIR/tmux.conf" "$@"
}

# start_watch MAKE-ARGS...: make watch in a tmux session "w".
start_watch() {
	tmux_cmd new-session -d -s w -x 160 -y 50 \
		"env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -C '$KILN_TOP' O='$OUT' watch $*; echo watch-exit=\$?; sleep 120"
}

screen() {
	tmux_cmd capture-pane -p -J -S -200 -t w
}

# (-J: a long line that the pane wraps is one line again.)
# screen_wait TEXT [SECONDS]: wait (default 300 s: a first build) until the
# screen shows TEXT.
screen_wait() {
	local i
	for i in $(seq $((${2:-300} * 10))); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "timed out waiting for the screen to show: $1"
	echo "screen:"
	screen
	return 1
}

# edit_source OLD NEW: replace OLD with NEW in test-exit.c, saved as an
# editor does (a new file renamed over the old one).
edit_source() {
	sed "s/$1/$2/" "$SRC" >"$SRC.new"
	mv "$SRC.new" "$SRC"
}

@test "make watch boots, rebuilds on a saved edit, boots the new image within a second, and stops on Ctrl-C" {
	start_watch ARGS='"7 exit"'
	screen_wait "watch: start: rebuilt in"
	screen_wait "test-exit: status 7 by exit" 30
	screen_wait "watch: the image exited with status 7" 30
	edit_source 'test-exit: status' 'test-exit: edited status'
	screen_wait "test-exit.c changed: rebuilt in" 120
	local t0 t1
	t0=$(date +%s%N)
	screen_wait "test-exit: edited status 7 by exit" 5
	t1=$(date +%s%N)
	echo "new output $(( (t1 - t0) / 1000000 )) ms after the rebuild line"
	[ $(( (t1 - t0) / 1000000 )) -le 1000 ]
	tmux_cmd send-keys -t w C-c
	screen_wait "watch: stopped" 10
}

@test "make watch shows a failed build's error and goes on with the next change" {
	start_watch RUN=0
	screen_wait "watch: start: rebuilt in"
	edit_source 'int status = ' 'int status = nonsense + '
	screen_wait "test-exit.c changed: build failed after" 120
	screen_wait "error: " 1
	screen_wait "nonsense + argc" 1
	edit_source 'int status = nonsense + ' 'int status = '
	screen_wait "test-exit.c changed: rebuilt in" 120
	# RUN=0: built, never booted.
	run screen
	[[ "$output" != *"test-exit: status"* ]]
	[[ "$output" != *"the image exited"* ]]
}

@test "make watch starts a cycle when .config is saved again" {
	start_watch RUN=0
	screen_wait "watch: start: rebuilt in"
	cp "$OUT/.config" "$OUT/.config.new"
	mv "$OUT/.config.new" "$OUT/.config"
	screen_wait "$OUT/.config changed: rebuilt in" 120
}

@test "make watch refuses an output folder with no configuration" {
	run env -u MAKEFLAGS -u MAKELEVEL "$KILN_TOP/scripts/watch" O="$BATS_TEST_TMPDIR/none"
	[ "$status" -eq 2 ]
	[ "$output" = "watch: $BATS_TEST_TMPDIR/none/.config: no configuration: make <name>_defconfig first" ]
}
