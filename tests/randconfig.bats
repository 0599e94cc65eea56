#!/usr/bin/env bats
# scripts/randconfig-builds: random configurations built, booted and
# classified (ran, built, refused, failed, skipped); and that the classifier
# does report a failure, a refusal and a skip when there is one.

load lib/common

RANDCONFIG=$KILN_TOP/scripts/randconfig-builds

setup() {
	WORK=$KILN_SUITE_TMP/t$BATS_TEST_NUMBER
	rm -rf "$WORK"
	mkdir -p "$WORK"
}

# fragment LINE...: a KCONFIG_ALLCONFIG fragment in $WORK/fragment.
fragment() {
	printf '%s\n' "$@" >"$WORK/fragment"
}

# no_packages_but [NAME...]: fragment lines that leave out every package
# of the tree (package/*/Config.in) but the NAMEs (PACKAGE_LZ4): builds
# need no mirror and stay small, and a package added to Kiln later does
# not change what a fixed seed draws.
no_packages_but() {
	local sym
	for sym in $(sed -n 's/^config \(PACKAGE_[A-Z0-9_]*\)$/\1/p' "$KILN_TOP"/package/*/Config.in | sort -u); do
		[[ " $* " == *" $sym "* ]] || echo "# KILN_$sym is not set"
	done
}
mapfile -t NO_PACKAGES < <(no_packages_but)

# result_line SEED: the script's line for SEED (0x%08x) in $output.
result_line() {
	grep -E "^$1 " <<<"$output"
}

@test "fixed seeds: spt and virtio images built and ran, hvt built, none failed" {
	# Each run pins its platform and application with a fragment (what a
	# bare seed draws changes whenever a menu gains an option); the seed
	# still draws every other option.
	#   441  spt, hello, no packages
	#   592  virtio on QEMU pc, hello, no packages (boots under TCG)
	#    78  hvt, lz4-demo with lz4 (from the mirror, or skipped without one)
	local seed line
	fragment KILN_PLATFORM_SPT=y KILN_APP_HELLO=y "${NO_PACKAGES[@]}"
	run "$RANDCONFIG" -o "$WORK" -j2 -t 60 -c "$WORK/fragment" 441
	assert_status 0
	assert_output_matches '^0x000001b9 +spt +hello .* ran '
	fragment KILN_PLATFORM_VIRTIO=y KILN_VIRTIO_QEMU_PC=y KILN_APP_HELLO=y "${NO_PACKAGES[@]}"
	run "$RANDCONFIG" -o "$WORK" -j2 -t 60 -c "$WORK/fragment" 592
	assert_status 0
	assert_output_matches '^0x00000250 +virtio/pc +hello .* ran '
	local lz4_only
	mapfile -t lz4_only < <(no_packages_but PACKAGE_LZ4)
	fragment KILN_PLATFORM_HVT=y KILN_APP_LZ4_DEMO=y KILN_PACKAGE_LZ4=y "${lz4_only[@]}"
	run "$RANDCONFIG" -o "$WORK" -j2 -t 60 -c "$WORK/fragment" 78
	assert_status 0
	assert_output_matches '^0x0000004e +hvt +lz4-demo +lz4 .* (built|skipped) '
	assert_output_has "0 failed"
	# What was drawn is kept beside the log; the folders of passes are not.
	[ -f "$WORK/0x000001b9.log" ]
	grep -qx 'KILN_PLATFORM_SPT=y' "$WORK/0x000001b9.config"
	[ ! -e "$WORK/0x000001b9" ]
}

@test "a configuration that does not build is failed, its folder kept, and the exit status 1" {
	fragment KILN_PLATFORM_SPT=y KILN_APP_HELLO=y "${NO_PACKAGES[@]}" \
		'KILN_EXTRA_CFLAGS="-include kiln-randconfig-no-such-header.h"'
	run "$RANDCONFIG" -o "$WORK" -j2 -c "$WORK/fragment" -M 5
	assert_status 1
	result_line 0x00000005 | grep -qE '^0x00000005 +spt +hello .* failed .*the build failed .*see '"$WORK"'/0x00000005.log'
	assert_output_has "0 ran, 0 built, 0 refused, 1 failed, 0 skipped"
	assert_output_has "randconfig-builds: failed: 0x00000005"
	grep -q 'kiln-randconfig-no-such-header.h' "$WORK/0x00000005.log"
	[ -f "$WORK/0x00000005/.config" ]
}

@test "a configuration make refuses before building is refused, with its message" {
	# A broken external tree: an application in the menu whose .mk never
	# declares it. make stops at once, saying what is wrong.
	local tree=$WORK/tree
	mkdir -p "$tree/package/ghost"
	printf 'config APP_GHOST\n\tbool "ghost"\n' >"$tree/package/ghost/Config.in"
	echo '# not yet a kiln-application' >"$tree/package/ghost/ghost.mk"
	fragment KILN_APP_GHOST=y "${NO_PACKAGES[@]}"
	run "$RANDCONFIG" -o "$WORK" -j2 -e "$tree" -c "$WORK/fragment" -M 9
	assert_status 0
	result_line 0x00000009 | grep -qE '^0x00000009 .* refused .*No application is selected'
	assert_output_has "0 ran, 0 built, 1 refused, 0 failed, 0 skipped"
}

@test "without a mirror, configurations that download are skipped, never passed" {
	fragment KILN_PACKAGE_LZ4=y
	run "$RANDCONFIG" -o "$WORK" -c "$WORK/fragment" -M 3
	assert_status 0
	result_line 0x00000003 | grep -qE 'lz4.* skipped .*no mirror'
	assert_output_has "0 ran, 0 built, 0 refused, 0 failed, 1 skipped"
}

@test "seeds derive from the base seed: the same base draws the same configurations" {
	# Every draw downloads and there is no mirror: nothing is built.
	fragment KILN_PACKAGE_LZ4=y
	local first second other
	run "$RANDCONFIG" -o "$WORK/a" -c "$WORK/fragment" -M -s 7 -n 3
	assert_status 0
	assert_output_has "base seed 0x00000007"
	assert_output_has "repeat with: $RANDCONFIG -s 0x00000007 -n 3"
	first=$(grep -E '^0x[0-9a-f]{8} ' <<<"$output" | cut -c1-80)
	run "$RANDCONFIG" -o "$WORK/b" -c "$WORK/fragment" -M -s 7 -n 3
	second=$(grep -E '^0x[0-9a-f]{8} ' <<<"$output" | cut -c1-80)
	run "$RANDCONFIG" -o "$WORK/c" -c "$WORK/fragment" -M -s 8 -n 3
	other=$(grep -E '^0x[0-9a-f]{8} ' <<<"$output" | cut -c1-10)
	[ "$(wc -l <<<"$first")" -eq 3 ]
	[ "$first" = "$second" ]
	[ "$(cut -c1-10 <<<"$first")" != "$other" ]
}

@test "bad arguments say what is wrong and exit 2" {
	run "$RANDCONFIG" -o "$WORK" nonsense
	assert_status 2
	assert_output_has "seed 'nonsense' is not a number"
	run "$RANDCONFIG" -o "$WORK" -c "$WORK/no-such-fragment"
	assert_status 2
	assert_output_has "no such file"
}

@test "an application's needs are its configuration's defaults: selftests gets a 1 MiB stack" {
	# Found by the run of 100 (seed 0x9e3fa8a0): selftests drawn at -O0 with
	# the general 512 KiB stack overflowed in Lua's error tests. randconfig
	# draws no numbers, so the default must be right for every application.
	printf '%s\n' KILN_PLATFORM_SPT=y KILN_APP_SELFTESTS=y >"$WORK/selftests_defconfig"
	run kiln_make "$WORK/out" defconfig DEFCONFIG="$WORK/selftests_defconfig"
	assert_status 0
	grep -qx 'KILN_RUNTIME_STACK_SIZE=1024' "$WORK/out/.config"
	# A random draw keeps that default too (randconfig draws no numbers).
	printf '%s\n' KILN_PLATFORM_SPT=y KILN_APP_SELFTESTS=y KILN_OPTIMIZE_0=y >"$WORK/fragment"
	KCONFIG_ALLCONFIG=$WORK/fragment KCONFIG_SEED=0x9e3fa8a0 run kiln_make "$WORK/seed" randconfig
	assert_status 0
	grep -qx 'KILN_APP_SELFTESTS=y' "$WORK/seed/.config"
	grep -qx 'KILN_RUNTIME_STACK_SIZE=1024' "$WORK/seed/.config"
	# Other applications keep the general default.
	printf '%s\n' KILN_PLATFORM_SPT=y KILN_APP_HELLO=y >"$WORK/hello_defconfig"
	kiln_make "$WORK/hello" defconfig DEFCONFIG="$WORK/hello_defconfig" >/dev/null
	grep -qx 'KILN_RUNTIME_STACK_SIZE=512' "$WORK/hello/.config"
}
