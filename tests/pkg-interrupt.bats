#!/usr/bin/env bats
# Interrupted work is never taken as done: `kill -9` of the make process
# group while it downloads, extracts, patches, compiles or links, then
# `make` again, gives the very image an uninterrupted build gives (byte for
# byte: the builds are reproducible in one output folder). Packages of
# tests/fixtures/pkg-tree (tests/lib/pkg-helpers.bash).
#
# Each step is stopped at a known point: the server's pause mode for a
# download, and for the others a wrapper (tar, patch, gcc) put first on
# PATH, which does its command's work, then says so and waits to be killed.

load lib/pkg-helpers

setup_file() {
	pkg_setup_file
	export KILN_DL_DIR="$BATS_FILE_TMPDIR/dl"
	pkg_configure
	KILN_PRIMARY_SITE=$HTTP kmake >"$BATS_FILE_TMPDIR/reference.log" 2>&1 ||
		{ cat "$BATS_FILE_TMPDIR/reference.log" >&2; return 1; }
	cp "$O/images/calc-demo.spt" "$BATS_FILE_TMPDIR/reference.spt"
	make_holding_wrappers "$BATS_FILE_TMPDIR/hold-bin"
}

teardown_file() {
	pkg_teardown_file
}

setup() {
	pkg_forget_downloads
	: >"$HTTPD_LOG"
}

# make_holding_wrappers DIR: tar, patch and gcc wrappers in DIR. Each runs
# the real program; then, when $HOLD_STEP names its step, it touches
# $HOLD_READY and sleeps until killed. The gcc one holds on the image's link
# (step link) or on tinycalc's calc.o (step compile), after leaving half of
# the output's bytes in place, as a linker or assembler killed while writing
# does (each creates its output when it starts).
make_holding_wrappers() {
	local dir=$1
	mkdir -p "$dir"
	cat >"$dir/tar" <<EOF
#!/bin/sh
$(command -v tar) "\$@" || exit
case " \$* " in *" -x "*) [ "\$HOLD_STEP" = extract ] || exit 0 ;; *) exit 0 ;; esac
touch "\$HOLD_READY"
exec sleep 600
EOF
	cat >"$dir/patch" <<EOF
#!/bin/sh
$(command -v patch) "\$@" || exit
case " \$* " in *" --dry-run "*) exit 0 ;; esac
[ "\$HOLD_STEP" = patch ] || exit 0
touch "\$HOLD_READY"
exec sleep 600
EOF
	cat >"$dir/gcc" <<EOF
#!/bin/bash
real=$(command -v gcc)
out=
prev=
for a; do [ "\$prev" = -o ] && out=\$a; prev=\$a; done
case \$HOLD_STEP:\${out##*/} in
link:calc-demo.spt | link:calc-demo.spt.tmp | compile:calc.o | compile:calc.o.tmp) ;;
*) exec "\$real" "\$@" ;;
esac
"\$real" "\$@" || exit
head -c \$((\$(stat -c %s "\$out") / 2)) "\$out" >"\$out.half" && mv "\$out.half" "\$out"
touch "\$HOLD_READY"
exec sleep 600
EOF
	chmod +x "$dir/tar" "$dir/patch" "$dir/gcc"
}

# interrupted STEP [VAR=VALUE...]: make (with the environment given) in a
# process group of its own, with the holding wrappers first on PATH; once
# STEP holds (or, for download, once a .part has bytes), kill -9 the whole
# group, as a power cut or the OOM killer would.
interrupted() {
	local step=$1
	shift
	export HOLD_STEP=$step HOLD_READY="$BATS_TEST_TMPDIR/held"
	rm -f "$HOLD_READY"
	env PATH="$BATS_FILE_TMPDIR/hold-bin:$PATH" "$@" \
		setsid make -C "$KILN_ROOT" -j"${KILN_TEST_JOBS:-2}" O="$O" \
		>"$BATS_TEST_TMPDIR/interrupted.log" 2>&1 &
	local pid=$! _
	for _ in $(seq 600); do
		if [ "$step" = download ]; then
			[ -s "$KILN_DL_DIR/tinycalc/tinycalc-1.0.tar.gz.part" ] && break
		else
			[ -e "$HOLD_READY" ] && break
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 -- "-$pid" 2>/dev/null || true
	wait "$pid" || true
	cat "$BATS_TEST_TMPDIR/interrupted.log"
	unset HOLD_STEP HOLD_READY
	if [ "$step" = download ]; then
		[ -s "$KILN_DL_DIR/tinycalc/tinycalc-1.0.tar.gz.part" ] ||
			{ echo "the download was not under way when killed" >&2; return 1; }
	else
		[ -e "$BATS_TEST_TMPDIR/held" ] || { echo "make never reached the $step step" >&2; return 1; }
	fi
}

# make again, uninterrupted; the image must be the reference one, and no
# half-made tree may be left beside the real ones.
resumed_build_is_the_reference() {
	KILN_PRIMARY_SITE=$HTTP run kmake
	echo "$output"
	[ "$status" -eq 0 ]
	cmp "$O/images/calc-demo.spt" "$BATS_FILE_TMPDIR/reference.spt"
	[ -z "$(find "$O/build" -maxdepth 1 \( -name '*.extract.*' -o -name '*.old.*' \))" ]
}

@test "kill -9 during a download: the next make resumes the .part and builds the same image" {
	interrupted download KILN_PRIMARY_SITE="$HTTP/pause"
	local kept
	kept=$(stat -c %s "$KILN_DL_DIR/tinycalc/tinycalc-1.0.tar.gz.part")
	[ ! -e "$KILN_DL_DIR/tinycalc/tinycalc-1.0.tar.gz" ]
	[ ! -e "$O/build/.downloads/tinycalc-1.0" ]
	resumed_build_is_the_reference
	grep -qx "GET /tinycalc-1.0.tar.gz range=bytes=$kept- status=206" "$HTTPD_LOG"
}

@test "kill -9 during an extraction: the next make extracts again, leaves no half tree, same image" {
	interrupted extract KILN_PRIMARY_SITE="$HTTP"
	[ ! -e "$O/build/tinycalc-1.0/.stamp_extracted" ]
	resumed_build_is_the_reference
}

@test "kill -9 during a patch: the next make patches a fresh tree again, same image" {
	interrupted patch KILN_PRIMARY_SITE="$HTTP"
	# Patched, not stamped: patching this tree again would fail.
	grep -qx '#define TINYCALC_PATCH_LEVEL 1' "$O/build/tinycalc-1.0/include/calc.h"
	[ ! -e "$O/build/tinycalc-1.0/.stamp_patched" ]
	resumed_build_is_the_reference
}

@test "kill -9 during the link: the half-written image is not trusted, the next make links it again" {
	interrupted link KILN_PRIMARY_SITE="$HTTP"
	# What the killed link left: half an image, under the temporary name
	# the link writes to (never under the image's own name).
	[ ! -e "$O/images/calc-demo.spt" ]
	[ "$(stat -c %s "$O/images/calc-demo.spt.tmp")" -lt "$(stat -c %s "$BATS_FILE_TMPDIR/reference.spt")" ]
	resumed_build_is_the_reference
	[[ "$output" == *"LD      images/calc-demo.spt"* ]]
	# And a make after that does nothing.
	run kmake
	[ "$status" -eq 0 ]
	[[ "$output" != *"LD "* ]]
}

@test "kill -9 during a compile: the half-written object is not trusted, the next make compiles it again" {
	interrupted compile KILN_PRIMARY_SITE="$HTTP"
	# The half object is under the temporary name the compiler writes to.
	[ ! -e "$O/build/tinycalc/calc.o" ]
	[ -s "$O/build/tinycalc/calc.o.tmp" ]
	resumed_build_is_the_reference
	[[ "$output" == *"CC      build/tinycalc/calc.o"* ]]
}
