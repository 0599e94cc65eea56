# make help: every target a user can type.
help:
	@echo 'Kiln $(KILN_VERSION): C unikernels, built the Buildroot way.'
	@echo
	@echo 'Configuration:'
	@echo '  <name>_defconfig       - load configs/<name>_defconfig (see list-defconfigs)'
	@echo '  defconfig DEFCONFIG=f  - load the defconfig file f'
	@echo '  menuconfig             - change the configuration in menus (ncurses)'
	@echo '  nconfig                - the same, newer ncurses interface'
	@echo '  oldconfig              - ask about options new since .config was written'
	@echo '  olddefconfig           - take the defaults for new options'
	@echo '  savedefconfig          - write the minimal defconfig to $$(O)/defconfig'
	@echo '                           (DEFCONFIG=<file> to write elsewhere)'
	@echo '  list-defconfigs        - list the defconfigs (Kiln'"'"'s and external trees'"'"')'
	@echo
	@echo 'Build:'
	@echo '  all (default)          - build the image: $$(O)/images/<app>.<platform>'
	@echo '  run                    - boot the image under its tender (ARGS="..." for argv)'
	@echo '  host-tools             - build the tenders and the downloader only'
	@echo '  source                 - download every selected package (then build offline)'
	@echo '  clean                  - delete the build products (keeps .config and downloads)'
	@echo '  distclean              - delete $$(O) entirely'
	@echo
	@echo 'Per package (e.g. make lua-rebuild):'
	@echo '  <pkg>                  - build the package (and what it needs)'
	@echo '  <pkg>-source           - download its archive into the cache'
	@echo '  <pkg>-extract          - unpack it into $$(O)/build/<pkg>-<version>'
	@echo '  <pkg>-patch            - apply its patches and the overlays'
	@echo '  <pkg>-build            - compile it'
	@echo '  <pkg>-rebuild          - compile it again from scratch'
	@echo '  <pkg>-dirclean         - delete its build folder'
	@echo '  Packages and applications: $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard \
		$(KILN_TOP)/package/*/*.mk $(addsuffix /package/*/*.mk,$(KILN_EXTERNAL_DIRS)))))))'
	@echo '  Components: runtime boot-<platform>'
	@echo
	@echo 'Information:'
	@echo '  lock                   - write $$(O)/kiln.lock: versions, URLs, SHA-256, patches'
	@echo '  legal-info             - collect licenses and sources in $$(O)/legal-info'
	@echo '  show-info              - print the selected packages as JSON'
	@echo '  graph-depends          - dependency graph in $$(O)/graphs (dot, SVG, PNG)'
	@echo '  compile-commands       - write $$(O)/compile_commands.json for clangd'
	@echo
	@echo 'Tests and benchmarks:'
	@echo '  check                  - run every test suite (ends "N passed, N failed, N skipped")'
	@echo '  check-<suite>          - run tests/<suite>.bats only (e.g. check-config)'
	@echo '  bench                  - run the benchmarks and print their numbers'
	@echo
	@echo 'Variables:'
	@echo '  O=<dir>                - output folder (default output/)'
	@echo '  V=1                    - show full commands'
	@echo '  KILN_EXTERNAL=<dirs>   - external trees, colon-separated (remembered in $$(O))'
	@echo '  KILN_DL_DIR, KILN_PRIMARY_SITE, KILN_BACKUP_SITE'
	@echo '                         - download cache and mirrors (override the configuration)'
.PHONY: help
