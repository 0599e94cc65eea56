#!/usr/bin/env bats
# External trees (KILN_EXTERNAL): their packages, applications, menus and
# defconfigs join Kiln's. The tree is tests/fixtures/pkg-tree; building it is
# tested by pkg-build.bats, this suite checks the configuration side only.

load lib/pkg-helpers

setup_file() {
	pkg_setup_file
}

teardown_file() {
	pkg_teardown_file
}

setup() {
	O="$BATS_TEST_TMPDIR/out"
}

@test "list-defconfigs lists the external tree's defconfigs beside Kiln's" {
	run kmake -s KILN_EXTERNAL="$TREE" list-defconfigs
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Defconfigs in $TREE/configs:"* ]]
	printf '%s\n' "$output" | grep -Eq '^  spt_calc_demo_defconfig +- calc-demo on spt \(package-infrastructure tests\)$'
	printf '%s\n' "$output" | grep -Eq '^  spt_defconfig +- '
}

@test "the tree's defconfig selects its application, which selects the tree's packages" {
	run kmake KILN_EXTERNAL="$TREE" spt_calc_demo_defconfig
	echo "$output"
	[ "$status" -eq 0 ]
	grep -qx 'KILN_APP_CALC_DEMO=y' "$O/.config"
	grep -qx 'KILN_PACKAGE_TINYCALC=y' "$O/.config"
	grep -qx 'KILN_PACKAGE_TINYMUL=y' "$O/.config"
	grep -qx 'KILN_TINYCALC_BONUS=0' "$O/.config"
	run ! grep -q '^KILN_APP_HELLO=y' "$O/.config"
}

@test "the tree's menu entries are in Kiln's menus: its options load and save" {
	pkg_configure KILN_TINYCALC_BONUS=7
	grep -qx 'KILN_TINYCALC_BONUS=7' "$O/.config"
	# The menus menuconfig shows source the tree's entries.
	grep -Eq "^ *source \"$TREE/package/tinycalc/Config.in\"\$" "$O/.kiln/external.in"
	grep -Eq "^ *source \"$TREE/package/calc-demo/Config.in\"\$" "$O/.kiln/external-apps.in"
	# savedefconfig keeps only what differs from the menus' defaults.
	run kmake savedefconfig DEFCONFIG="$BATS_TEST_TMPDIR/saved_defconfig"
	echo "$output"
	[ "$status" -eq 0 ]
	cat "$BATS_TEST_TMPDIR/saved_defconfig"
	grep -qx 'KILN_TINYCALC_BONUS=7' "$BATS_TEST_TMPDIR/saved_defconfig"
	grep -qx 'KILN_APP_CALC_DEMO=y' "$BATS_TEST_TMPDIR/saved_defconfig"
	run ! grep -q 'KILN_PACKAGE_TINYCALC' "$BATS_TEST_TMPDIR/saved_defconfig"
}

@test "a package option of the tree keeps its menu dependencies" {
	local def="$BATS_TEST_TMPDIR/bad_defconfig"
	printf 'KILN_PLATFORM_SPT=y\nKILN_APP_HELLO=y\nKILN_TINYCALC_BONUS=3\n' >"$def"
	run kmake KILN_EXTERNAL="$TREE" defconfig DEFCONFIG="$def"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$def:3: KILN_TINYCALC_BONUS=3 was not applied"* ]]
}

@test "without KILN_EXTERNAL the tree's symbols are reported as unknown" {
	run kmake defconfig DEFCONFIG="$TREE/configs/spt_calc_demo_defconfig"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"spt_calc_demo_defconfig:3: unknown symbol KILN_APP_CALC_DEMO"* ]]
}

@test "the output folder remembers KILN_EXTERNAL; an empty one forgets it" {
	kmake KILN_EXTERNAL="$TREE" spt_calc_demo_defconfig >/dev/null
	run kmake -s show-info
	echo "$output"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | python3 -c 'import json, sys; assert "calc-demo" in json.load(sys.stdin)'
	run kmake -s KILN_EXTERNAL= list-defconfigs
	[ "$status" -eq 0 ]
	[[ "$output" != *"spt_calc_demo_defconfig"* ]]
	run kmake -s list-defconfigs
	[ "$status" -eq 0 ]
	[[ "$output" != *"spt_calc_demo_defconfig"* ]]
}

@test "make help names the tree's packages and application" {
	run kmake -s KILN_EXTERNAL="$TREE" help
	echo "$output"
	[ "$status" -eq 0 ]
	local line
	line=$(printf '%s\n' "$output" | grep 'Packages and applications:')
	[[ "$line" == *" calc-demo "* && "$line" == *" tinycalc"* && "$line" == *" tinymul"* ]]
}

@test "several trees at once: KILN_EXTERNAL=<dir>:<dir>" {
	local second="$BATS_TEST_TMPDIR/second-tree"
	mkdir -p "$second/configs"
	printf '# the second tree\nKILN_PLATFORM_SPT=y\nKILN_APP_CALC_DEMO=y\n' >"$second/configs/spt_second_defconfig"
	run kmake -s KILN_EXTERNAL="$TREE:$second" list-defconfigs
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"spt_calc_demo_defconfig"* && "$output" == *"spt_second_defconfig"* ]]
	# The second tree's defconfig may use the first tree's application.
	run kmake KILN_EXTERNAL="$TREE:$second" spt_second_defconfig
	echo "$output"
	[ "$status" -eq 0 ]
	grep -qx 'KILN_APP_CALC_DEMO=y' "$O/.config"
}

@test "a KILN_EXTERNAL that is no external tree is refused with its name" {
	run kmake KILN_EXTERNAL="$BATS_TEST_TMPDIR/none" list-defconfigs
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"KILN_EXTERNAL: $BATS_TEST_TMPDIR/none is not a directory"* ]]
	mkdir -p "$BATS_TEST_TMPDIR/empty"
	run kmake KILN_EXTERNAL="$BATS_TEST_TMPDIR/empty" list-defconfigs
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"KILN_EXTERNAL: $BATS_TEST_TMPDIR/empty has neither package/ nor configs/"* ]]
}

@test "an application needing a package its Config.in does not select stops make, naming the select to add" {
	local tree="$BATS_TEST_TMPDIR/tree"
	# (Were anything downloaded, not into Kiln's dl/.)
	local -x KILN_DL_DIR="$BATS_TEST_TMPDIR/dl"
	cp -R "$TREE" "$tree"
	sed -i '/select PACKAGE_TINYMUL/d' "$tree/package/calc-demo/Config.in"
	kmake KILN_EXTERNAL="$tree" spt_calc_demo_defconfig >/dev/null
	grep -qx '# KILN_PACKAGE_TINYMUL is not set' "$O/.config"
	local goal
	for goal in all source legal-info; do
		run kmake "$goal"
		echo "$output"
		[ "$status" -ne 0 ]
		[[ "$output" == *"calc-demo needs tinymul (CALC_DEMO_DEPENDENCIES), but .config does not select it"* ]]
		[[ "$output" == *"Add \`select PACKAGE_TINYMUL\` to \`config APP_CALC_DEMO\` in $tree/package/calc-demo/Config.in"* ]]
		[[ "$output" != *">>>"* ]]
	done
	[ ! -e "$O/build/.downloads" ]
	# Once the select is there, the next make refreshes .config and goes on.
	sed -i 's/^\tselect PACKAGE_TINYCALC$/&\n\tselect PACKAGE_TINYMUL/' "$tree/package/calc-demo/Config.in"
	run kmake -s show-info
	echo "$output"
	[ "$status" -eq 0 ]
	grep -qx 'KILN_PACKAGE_TINYMUL=y' "$O/.config"
	printf '%s\n' "$output" | python3 -c 'import json, sys; assert "tinymul" in json.load(sys.stdin)'
}
