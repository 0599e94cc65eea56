#!/usr/bin/env bats
# The configuration verbs: <name>_defconfig, defconfig DEFCONFIG=,
# savedefconfig, oldconfig, olddefconfig, list-defconfigs, menuconfig (driven
# for real in tmux), help; the errors a wrong configuration must give; O=
# and KILN_EXTERNAL. Nothing here compiles, so each test has its own O.

load lib/common

setup() {
	OUT=$KILN_SUITE_TMP/t$BATS_TEST_NUMBER
	rm -rf "$OUT"
	mkdir -p "$OUT"
}

# config_has LINE...: every LINE is a line of $OUT/.config.
config_has() {
	local line
	for line; do
		grep -qxF -- "$line" "$OUT/.config" || {
			echo "$OUT/.config lacks the line: $line"
			cat "$OUT/.config"
			return 1
		}
	done
}

# kiln_make_with_input TEXT O ARGS...: kiln_make with TEXT on its stdin.
kiln_make_with_input() {
	local text=$1
	shift
	kiln_make "$@" <<<"$text"
}

# write_defconfig FILE LINE...: a defconfig-format file.
write_defconfig() {
	local f=$1
	shift
	printf '%s\n' "$@" >"$f"
}

@test "hvt_defconfig writes the hvt platform, hello and the default toolchain" {
	run kiln_make "$OUT" hvt_defconfig
	assert_status 0
	assert_output_has "configuration written to $OUT/.config"
	config_has KILN_ARCH_X86_64=y KILN_ARCH='"x86_64"' \
		KILN_PLATFORM_HVT=y KILN_PLATFORM='"hvt"' '# KILN_PLATFORM_SPT is not set' \
		KILN_APP_HELLO=y KILN_OPTIMIZE_2=y KILN_OPTIMIZE='"-O2"' KILN_RUN_MEM=32
}

@test "spt_defconfig writes the spt platform" {
	run kiln_make "$OUT" spt_defconfig
	assert_status 0
	config_has KILN_PLATFORM_SPT=y KILN_PLATFORM='"spt"' '# KILN_PLATFORM_HVT is not set' KILN_APP_HELLO=y
}

@test "every configs/*_defconfig loads, and each value it sets is in .config" {
	local f n=0
	for f in "$KILN_TOP"/configs/*_defconfig; do
		rm -f "$OUT/.config"
		run kiln_make "$OUT" "$(basename "$f")"
		assert_status 0
		# Every KILN_ line of the defconfig appears as is in .config.
		while IFS= read -r line; do
			case $line in KILN_*) config_has "$line" ;; esac
		done <"$f"
		n=$((n + 1))
	done
	[ "$n" -ge 2 ]
}

@test "every package/*/Config.in is reachable from the menus (its symbol is in .config)" {
	kiln_make "$OUT" hvt_defconfig >/dev/null
	local f sym missing=
	for f in "$KILN_TOP"/package/*/Config.in; do
		sym=$(awk '$1 == "config" { print $2; exit }' "$f")
		[ -n "$sym" ] || continue
		grep -qE "^(KILN_$sym=|# KILN_$sym is not set)" "$OUT/.config" ||
			missing="$missing ${f#$KILN_TOP/} (KILN_$sym)"
	done
	[ -z "$missing" ] || {
		echo "not sourced by any menu (package/Config.in or package/Config.apps.in):$missing"
		return 1
	}
}

# Prints every option with a prompt (a quoted type line or `prompt`) that
# has no `help` before the next entry; choices, menus and comments end one.
options_without_help() {
	awk '
		function check() { if (sym != "" && prompt && !help) print where ": " sym }
		FNR == 1 { check(); sym = "" }
		/^[ \t]*(config|menuconfig)[ \t]/ { check(); sym = $2; where = FILENAME; prompt = help = 0; next }
		/^[ \t]*(choice|endchoice|menu|endmenu|comment|source|if|endif)([ \t]|$)/ { check(); sym = ""; next }
		/^[ \t]*(bool|tristate|string|int|hex)[ \t]+"/ || /^[ \t]*prompt[ \t]/ { prompt = 1 }
		/^[ \t]*help/ { help = 1 }
		END { check() }
	' "$@"
}

@test "every option a user can set has a help text" {
	run options_without_help "$KILN_TOP/Kconfig" "$KILN_TOP"/*/Config.in "$KILN_TOP"/package/*/Config.in
	[ "$status" -eq 0 ]
	[ -z "$output" ] || { echo "options without help: $output"; return 1; }
	# The check finds a missing help text.
	printf 'config X\n\tbool "x"\nconfig Y\n\tbool "y"\n\thelp\n\t  y\n' >"$KILN_SUITE_TMP/nohelp.in"
	run options_without_help "$KILN_SUITE_TMP/nohelp.in"
	[ "$output" = "$KILN_SUITE_TMP/nohelp.in: X" ]
}

@test "savedefconfig round-trips: load it again, get the same .config" {
	local def=$KILN_SUITE_TMP/rt_defconfig
	write_defconfig "$def" KILN_PLATFORM_SPT=y KILN_OPTIMIZE_S=y KILN_RUN_MEM=64 \
		'KILN_EXTRA_CFLAGS="-DKILN_TEST_FLAG=1"' '# KILN_DEBUG_INFO is not set' KILN_SSP_ALL=y
	run kiln_load_config "$OUT" "$def"
	assert_status 0
	cp "$OUT/.config" "$OUT/first.config"
	run kiln_make "$OUT" savedefconfig
	assert_status 0
	assert_output_has "$OUT/defconfig"
	# Minimal: only what differs from the defaults.
	grep -qx 'KILN_OPTIMIZE_S=y' "$OUT/defconfig"
	if grep 'KILN_ARCH_X86_64' "$OUT/defconfig"; then
		echo "savedefconfig kept the default architecture (above): not minimal"
		return 1
	fi
	# Loaded into a fresh output folder, it gives the same .config.
	local out2=$OUT-again
	rm -rf "$out2"
	run kiln_load_config "$out2" "$OUT/defconfig"
	assert_status 0
	run diff "$OUT/first.config" "$out2/.config"
	assert_status 0
}

@test "savedefconfig DEFCONFIG=<file> writes there, and <name>_defconfig round-trips too" {
	kiln_make "$OUT" hvt_defconfig >/dev/null
	run kiln_make "$OUT" savedefconfig DEFCONFIG="$KILN_SUITE_TMP/saved_hvt"
	assert_status 0
	# hvt and hello are the defaults: the minimal file sets nothing.
	[ -f "$KILN_SUITE_TMP/saved_hvt" ]
	if grep '^KILN_' "$KILN_SUITE_TMP/saved_hvt"; then
		echo "savedefconfig of hvt_defconfig set the values above: they are the defaults"
		return 1
	fi
	[ ! -e "$OUT/defconfig" ]
	cp "$OUT/.config" "$OUT/first.config"
	rm "$OUT/.config"
	run kiln_load_config "$OUT" "$KILN_SUITE_TMP/saved_hvt"
	assert_status 0
	run diff "$OUT/first.config" "$OUT/.config"
	assert_status 0
}

@test "an unknown symbol in a defconfig is an error naming it and file:line" {
	local def=$KILN_SUITE_TMP/unknown_defconfig
	write_defconfig "$def" '# a test defconfig' KILN_PLATFORM_SPT=y KILN_NO_SUCH_OPTION=y
	run kiln_load_config "$OUT" "$def"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_NO_SUCH_OPTION"
	assert_output_has "$def:3"
}

@test "a value whose dependency is unmet is reported (PRIMARY_SITE_ONLY without a site)" {
	local def=$KILN_SUITE_TMP/unmet_defconfig
	write_defconfig "$def" KILN_PLATFORM_HVT=y KILN_PRIMARY_SITE_ONLY=y
	run kiln_load_config "$OUT" "$def"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_PRIMARY_SITE_ONLY"
	assert_output_has "$def:2"
}

@test "a value out of its range is reported (RUN_MEM=1, range 2..4096)" {
	local def=$KILN_SUITE_TMP/range_defconfig
	write_defconfig "$def" KILN_PLATFORM_HVT=y KILN_RUN_MEM=1
	run kiln_load_config "$OUT" "$def"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_RUN_MEM"
	assert_output_has "$def:2"
}

@test "an unknown <name>_defconfig says so and points to list-defconfigs" {
	run kiln_make "$OUT" no_such_board_defconfig
	[ "$status" -ne 0 ]
	assert_output_has "no_such_board_defconfig"
	assert_output_has "list-defconfigs"
}

@test "oldconfig asks about an option missing from .config and takes the answer" {
	kiln_make "$OUT" hvt_defconfig >/dev/null
	sed -i '/^KILN_RUN_MEM=/d' "$OUT/.config"
	run kiln_make_with_input $'48\n' "$OUT" oldconfig
	assert_status 0
	assert_output_has "Guest memory for make run"
	config_has KILN_RUN_MEM=48 KILN_PLATFORM_HVT=y
}

@test "olddefconfig takes the default for a missing option without asking" {
	kiln_make "$OUT" spt_defconfig >/dev/null
	sed -i '/^KILN_RUN_MEM=/d; /KILN_OPTIMIZE/d' "$OUT/.config"
	run kiln_make "$OUT" olddefconfig </dev/null
	assert_status 0
	config_has KILN_RUN_MEM=32 KILN_OPTIMIZE_2=y KILN_PLATFORM_SPT=y
}

@test "olddefconfig after a choice was changed by hand in .config (-O2 to -Os)" {
	kiln_make "$OUT" hvt_defconfig >/dev/null
	sed -i 's/^KILN_OPTIMIZE_2=y/# KILN_OPTIMIZE_2 is not set/; s/^# KILN_OPTIMIZE_S is not set/KILN_OPTIMIZE_S=y/' "$OUT/.config"
	run kiln_make "$OUT" olddefconfig
	assert_status 0
	config_has KILN_OPTIMIZE_S=y KILN_OPTIMIZE='"-Os"' '# KILN_OPTIMIZE_2 is not set'
}

@test "olddefconfig reports an unknown symbol in .config" {
	kiln_make "$OUT" hvt_defconfig >/dev/null
	echo 'KILN_BOGUS_LEFTOVER=y' >>"$OUT/.config"
	run kiln_make "$OUT" olddefconfig
	[ "$status" -ne 0 ]
	assert_output_has "KILN_BOGUS_LEFTOVER"
}

# bad_config_refused EDIT WANT: spt_defconfig loaded (never built), .config
# edited by hand with the sed script EDIT: make refuses it before it builds
# anything, naming .config's line (WANT, a fixed string).
bad_config_refused() {
	kiln_make "$OUT" spt_defconfig >/dev/null
	sed -i "$1" "$OUT/.config"
	run kiln_make "$OUT" all
	assert_status 2
	assert_output_has "$OUT/.config does not hold:"
	assert_output_has "$2"
	assert_output_has "Fix or remove the lines named"
	[ ! -e "$OUT/build" ]
	# Still refused the next time (a failed check leaves no stamp).
	run kiln_make "$OUT" all
	assert_status 2
	assert_output_has "$2"
}

@test "make refuses a hand-edited .config with a misspelt symbol, naming the line" {
	bad_config_refused '$a KILN_PLATFORM_SPTT=y' "unknown symbol KILN_PLATFORM_SPTT"
	local line
	line=$(grep -n '^KILN_PLATFORM_SPTT=y' "$OUT/.config" | cut -d: -f1)
	assert_output_has "$OUT/.config:$line: unknown symbol KILN_PLATFORM_SPTT"
}

@test "make refuses a .config with a line that is no configuration" {
	bad_config_refused '$a garbage here' "not a configuration line: garbage here"
}

@test "make refuses a .config value of the wrong type, or two members of one choice" {
	bad_config_refused 's/^KILN_RUN_MEM=.*/KILN_RUN_MEM=abc/' "KILN_RUN_MEM=abc was not applied"
	rm -rf "$OUT"
	bad_config_refused 's/^# KILN_PLATFORM_HVT is not set/KILN_PLATFORM_HVT=y/' "KILN_PLATFORM_HVT=y was not applied"
}

@test "a checked .config is not checked again: the build goes on, and a fixed one builds" {
	kiln_make "$OUT" spt_defconfig >/dev/null
	echo 'KILN_NO_SUCH_SYMBOL=y' >>"$OUT/.config"
	run kiln_make "$OUT" all
	assert_status 2
	sed -i '/^KILN_NO_SUCH_SYMBOL=y/d' "$OUT/.config"
	run kiln_make "$OUT" all
	assert_status 0
	[ -f "$OUT/.kiln/config.checked" ]
	[ "$OUT/.kiln/config.checked" -nt "$OUT/.config" ]
}

@test "randconfig: KCONFIG_SEED repeats a configuration, and make accepts what it writes" {
	local seed first
	for seed in 1 7 42; do
		rm -rf "$OUT"
		KCONFIG_SEED=$seed run kiln_make "$OUT" randconfig
		assert_status 0
		assert_output_has "kiln: random configuration written to $OUT/.config (KCONFIG_SEED=0x"
		first=$(cat "$OUT/.config")
		KCONFIG_SEED=$seed kiln_make "$OUT" randconfig >/dev/null
		[ "$(cat "$OUT/.config")" = "$first" ]
		# The configuration check of every make passes.
		run kiln_make "$OUT" show-info
		assert_status 0
	done
}

@test "oldconfig, olddefconfig and savedefconfig without a .config say what to do" {
	for verb in oldconfig olddefconfig savedefconfig; do
		run kiln_make "$OUT" "$verb"
		[ "$status" -ne 0 ]
		assert_output_has "_defconfig"
	done
}

@test "make without a configuration says what to do" {
	run kiln_make "$OUT"
	[ "$status" -ne 0 ]
	assert_output_has "No configuration in $OUT"
	assert_output_has "make hvt_defconfig"
	[ ! -e "$OUT/build" ]
	[ ! -e "$OUT/images" ]
}

@test "list-defconfigs lists every configs/*_defconfig with its description" {
	run kiln_make "$OUT" list-defconfigs
	assert_status 0
	local f
	for f in "$KILN_TOP"/configs/*_defconfig; do
		assert_output_has "$(basename "$f")"
		# The description is the file's first comment, one whole line:
		# what more there is to say comes after an empty comment line.
		assert_output_has "$(sed -n '1s/^# *//p' "$f")"
		if sed -n 2p "$f" | grep -q '^#.*[^# ]'; then
			echo "$f: its second line continues the description; put an empty '#' line after the first"
			return 1
		fi
	done
}

@test "list-defconfigs lists an external tree's defconfigs, and O remembers KILN_EXTERNAL" {
	run kiln_make "$OUT" list-defconfigs KILN_EXTERNAL="$KILN_BOOT_TESTS"
	assert_status 0
	assert_output_has "hvt_boot_tests_defconfig"
	assert_output_has "spt_boot_tests_defconfig"
	assert_output_has "hvt_defconfig"
	# Later commands in the same O need not repeat it...
	run kiln_make "$OUT" list-defconfigs
	assert_status 0
	assert_output_has "spt_boot_tests_defconfig"
	# ...and KILN_EXTERNAL= (empty) forgets it.
	run kiln_make "$OUT" list-defconfigs KILN_EXTERNAL=
	assert_status 0
	assert_output_lacks "boot_tests"
}

@test "an external tree's defconfig selects its application" {
	run kiln_make "$OUT" KILN_EXTERNAL="$KILN_BOOT_TESTS" spt_boot_tests_defconfig
	assert_status 0
	config_has KILN_PLATFORM_SPT=y KILN_APP_TEST_EXIT=y '# KILN_APP_HELLO is not set'
}

@test "an external application's symbol without KILN_EXTERNAL is reported as unknown" {
	run kiln_load_config "$OUT" "$KILN_BOOT_TESTS/configs/hvt_boot_tests_defconfig"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_APP_TEST_EXIT"
	assert_output_has "KILN_EXTERNAL"
}

@test "KILN_EXTERNAL naming something that is not a tree is an error" {
	local none=$OUT/no-such-tree notree=$OUT/not-a-tree
	run kiln_make "$OUT" list-defconfigs KILN_EXTERNAL="$none"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_EXTERNAL: $none is not a directory"
	# A folder, but with neither package/ nor configs/.
	mkdir -p "$notree/src"
	run kiln_make "$OUT" list-defconfigs KILN_EXTERNAL="$notree"
	[ "$status" -ne 0 ]
	assert_output_has "KILN_EXTERNAL: $notree has neither package/ nor configs/"
	assert_output_lacks "is not a directory"
}

@test "help lists every verb and every package" {
	run kiln_make "$OUT" help
	assert_status 0
	local verb
	for verb in _defconfig 'defconfig DEFCONFIG' menuconfig nconfig oldconfig olddefconfig \
		savedefconfig list-defconfigs all run host-tools source clean distclean \
		'<pkg>-source' '<pkg>-extract' '<pkg>-patch' '<pkg>-build' '<pkg>-rebuild' \
		'<pkg>-dirclean' lock legal-info show-info printvars graph-depends compile-commands \
		size graph-size graph-build watch gdb ccache-stats distcc-hosts net-up net-down net-status \
		check check- bench 'O=' 'V=1' KILN_EXTERNAL KILN_DL_DIR KILN_CCACHE KILN_DISTCC; do
		assert_output_has "$verb"
	done
	local mk
	for mk in "$KILN_TOP"/package/*/*.mk; do
		assert_output_has "$(basename "$(dirname "$mk")")"
	done
}

@test "O= keeps the source tree clean: git status and output/ unchanged" {
	kiln_require_cmd git git
	git -C "$KILN_TOP" rev-parse --git-dir >/dev/null 2>&1 || skip "$KILN_TOP is not a git checkout"
	local before after stamp=$KILN_SUITE_TMP/stamp
	before=$(git -C "$KILN_TOP" status --porcelain --ignored)
	touch "$stamp"
	kiln_make "$OUT" KILN_EXTERNAL="$KILN_BOOT_TESTS" hvt_boot_tests_defconfig
	kiln_make "$OUT" savedefconfig
	kiln_make "$OUT" olddefconfig
	kiln_make "$OUT" list-defconfigs >/dev/null
	kiln_make "$OUT" help >/dev/null
	after=$(git -C "$KILN_TOP" status --porcelain --ignored)
	if [ "$before" != "$after" ]; then
		echo "git status changed:"
		diff <(echo "$before") <(echo "$after") || true
		return 1
	fi
	# Nothing written under the default output folder or the download cache.
	run find "$KILN_TOP/output" "$KILN_TOP/dl" -newer "$stamp"
	[ -z "$(find "$KILN_TOP/output" "$KILN_TOP/dl" -newer "$stamp" 2>/dev/null)" ]
	[ -f "$OUT/.config" ]
	[ -f "$OUT/defconfig" ]
}

# --- menuconfig, driven in tmux -------------------------------------------

# A tmux server of our own (-L), so nothing else's sessions are touched.
tmux_cmd() {
	tmux -L "kiln-test-$$" "$@"
}

# screen_wait TEXT: wait (up to 10 s) until the screen shows TEXT.
screen_wait() {
	local i
	for i in $(seq 100); do
		tmux_cmd capture-pane -p -t menu | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "timed out waiting for the screen to show: $1"
	echo "screen:"
	tmux_cmd capture-pane -p -t menu
	return 1
}

teardown() {
	if [ "${BATS_TEST_DESCRIPTION%%:*}" = menuconfig ] || [ "${BATS_TEST_DESCRIPTION%%:*}" = nconfig ]; then
		tmux_cmd kill-server 2>/dev/null || true
	fi
}

@test "menuconfig: change Toolchain > Optimisation level to -Os, save, .config changes" {
	kiln_require_cmd tmux tmux
	kiln_require_cmd kconfig-mconf kconfig-frontends
	kiln_make "$OUT" hvt_defconfig >/dev/null
	config_has KILN_OPTIMIZE_2=y
	tmux_cmd new-session -d -s menu -x 100 -y 30 \
		"env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -C '$KILN_TOP' O='$OUT' menuconfig; echo menuconfig-exit=\$?; sleep 60"
	screen_wait "Kiln unikernel configuration"
	screen_wait "Toolchain  --->"
	# Main menu: Target, Toolchain, ... (the cursor starts on the first).
	tmux_cmd send-keys -t menu Down Enter
	screen_wait "Optimisation level (-O2 (speed))"
	tmux_cmd send-keys -t menu Enter
	screen_wait "( ) -Os (size)"
	tmux_cmd send-keys -t menu Down Enter
	screen_wait "Optimisation level (-Os (size))"
	tmux_cmd send-keys -t menu Escape Escape
	screen_wait "Build options  --->"
	tmux_cmd send-keys -t menu Escape Escape
	screen_wait "Do you wish to save your new configuration?"
	tmux_cmd send-keys -t menu Enter
	screen_wait "menuconfig-exit=0"
	config_has KILN_OPTIMIZE_S=y KILN_OPTIMIZE='"-Os"' '# KILN_OPTIMIZE_2 is not set' KILN_PLATFORM_HVT=y
}

@test "menuconfig: change Target > Platform to spt, leave without saving: .config unchanged" {
	kiln_require_cmd tmux tmux
	kiln_require_cmd kconfig-mconf kconfig-frontends
	kiln_make "$OUT" hvt_defconfig >/dev/null
	cp "$OUT/.config" "$OUT/before.config"
	tmux_cmd new-session -d -s menu -x 100 -y 30 \
		"env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -C '$KILN_TOP' O='$OUT' menuconfig; echo menuconfig-exit=\$?; sleep 60"
	screen_wait "Target  --->"
	tmux_cmd send-keys -t menu Enter
	screen_wait "Platform (hvt"
	# Target: Architecture, Platform, ...
	tmux_cmd send-keys -t menu Down Enter
	screen_wait "( ) spt"
	tmux_cmd send-keys -t menu Down Enter
	screen_wait "Platform (spt"
	tmux_cmd send-keys -t menu Escape Escape
	screen_wait "Toolchain  --->"
	tmux_cmd send-keys -t menu Escape Escape
	screen_wait "Do you wish to save your new configuration?"
	# Right to < No >.
	tmux_cmd send-keys -t menu Right Enter
	screen_wait "menuconfig-exit=0"
	run diff "$OUT/before.config" "$OUT/.config"
	assert_status 0
}

@test "nconfig: change Toolchain > Optimisation level to -O3, save, .config changes" {
	kiln_require_cmd tmux tmux
	kiln_require_cmd kconfig-nconf kconfig-frontends
	kiln_make "$OUT" spt_defconfig >/dev/null
	tmux_cmd new-session -d -s menu -x 100 -y 30 \
		"env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -C '$KILN_TOP' O='$OUT' nconfig; echo nconfig-exit=\$?; sleep 60"
	screen_wait "Toolchain  --->"
	tmux_cmd send-keys -t menu Down Enter
	screen_wait "Optimisation level (-O2 (speed))"
	tmux_cmd send-keys -t menu Enter
	screen_wait "-O3 (more speed, larger code)"
	# The list: -O2, -Os, -O3, ...
	tmux_cmd send-keys -t menu Down Down Enter
	screen_wait "Optimisation level (-O3"
	tmux_cmd send-keys -t menu Escape
	screen_wait "Build options  --->"
	tmux_cmd send-keys -t menu Escape
	screen_wait "save your new configuration"
	tmux_cmd send-keys -t menu Enter
	# nconfig confirms the write in a dialog of its own.
	screen_wait "configuration written to"
	tmux_cmd send-keys -t menu Enter
	screen_wait "nconfig-exit=0"
	config_has KILN_OPTIMIZE_3=y KILN_OPTIMIZE='"-O3"' KILN_PLATFORM_SPT=y
}
