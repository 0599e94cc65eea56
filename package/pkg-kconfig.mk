# Configuration verbs, driving Debian's kconfig-frontends (the Linux 4.11
# kconfig): kconfig-mconf (menuconfig), kconfig-nconf (nconfig) and
# kconfig-conf (everything else). Symbols are written with the KILN_ prefix.

KILN_KCONFIG := $(KILN_TOP)/Kconfig

# Every defconfig: Kiln's own, then each external tree's.
KILN_DEFCONFIG_DIRS := $(KILN_TOP)/configs $(addsuffix /configs,$(KILN_EXTERNAL_DIRS))
KILN_DEFCONFIGS := $(foreach d,$(KILN_DEFCONFIG_DIRS),$(sort $(wildcard $(d)/*_defconfig)))

# The environment every kconfig-* tool runs in.
KILN_KCONFIG_ENV = \
	CONFIG_=KILN_ \
	KCONFIG_CONFIG=$(KILN_CONFIG) \
	KILN_TOP=$(KILN_TOP) \
	KILN_EXTERNAL_KCONFIG=$(KILN_EXTERNAL_KCONFIG) \
	KILN_EXTERNAL_APPS_KCONFIG=$(KILN_EXTERNAL_APPS_KCONFIG)

# The files that make up the menus, so a changed menu refreshes .config.
# (An application's own settings are in package/<app>/Config.options.in,
# listed in package/Config.app-options.in: its Config.in is a member of
# the Application choice, which can hold nothing else.)
KILN_KCONFIG_FILES := $(KILN_KCONFIG) $(wildcard $(KILN_TOP)/*/Config.in \
	$(KILN_TOP)/*/*/Config.in $(KILN_TOP)/package/Config.apps.in \
	$(KILN_TOP)/package/Config.app-options.in $(KILN_TOP)/package/*/Config.options.in) \
	$(foreach e,$(KILN_EXTERNAL_DIRS),$(wildcard $(e)/Config.in $(e)/package/*/Config.in $(e)/package/*/*.mk))

KILN_CONF_CHECK := $(KILN_TOP)/scripts/kconfig-check

# Every symbol set in .config must be declared by a menu.
kiln-check-config-symbols = $(KILN_KCONFIG_ENV) $(KILN_CONF_CHECK) symbols $(KILN_CONFIG) $(KILN_KCONFIG_FILES)

# Write the external trees' Kconfig fragments (before any kconfig tool runs).
# (make expands a whole recipe before running it: hence $(shell mkdir).)
define kiln-kconfig-prepare
	$(call kiln-mkdir-now,$(KILN_GEN_DIR))
	$(file >$(KILN_EXTERNAL_KCONFIG),$(kiln-external-kconfig-libs))
	$(file >$(KILN_EXTERNAL_APPS_KCONFIG),$(kiln-external-kconfig-apps))
	@command -v kconfig-conf >/dev/null || { \
		echo "kiln: kconfig-conf not found: install Debian's kconfig-frontends (sudo ./scripts/setup)" >&2; exit 1; }
endef

# $(1): a defconfig-format file to load with kconfig-conf's option $(2).
# Unknown symbols and values the menus would not take are errors.
# The input is copied first: olddefconfig rewrites the file it reads.
define kiln-kconfig-load
	$(kiln-kconfig-prepare)
	$(Q)$(KILN_KCONFIG_ENV) $(KILN_CONF_CHECK) symbols $(1) $(KILN_KCONFIG_FILES)
	$(Q)cp $(1) $(KILN_GEN_DIR)/input.config
	$(Q)$(KILN_KCONFIG_ENV) kconfig-conf $(2) $(KILN_KCONFIG) >$(KILN_GEN_DIR)/conf.log || \
		{ cat $(KILN_GEN_DIR)/conf.log >&2; exit 1; }
	$(Q)$(KILN_KCONFIG_ENV) $(KILN_CONF_CHECK) applied $(KILN_GEN_DIR)/input.config $(KILN_CONFIG) $(1) $(KILN_KCONFIG_FILES)
endef

%_defconfig: FORCE
	$(if $(filter %/$@,$(KILN_DEFCONFIGS)),,$(error $@: no such file in $(KILN_DEFCONFIG_DIRS:$(KILN_TOP)/%=%); see `make list-defconfigs`))
	$(call kiln-kconfig-load,$(firstword $(filter %/$@,$(KILN_DEFCONFIGS))),--defconfig=$(firstword $(filter %/$@,$(KILN_DEFCONFIGS))))
	@echo "kiln: configuration written to $(KILN_CONFIG) from $(patsubst $(KILN_TOP)/%,%,$(firstword $(filter %/$@,$(KILN_DEFCONFIGS))))"

# DEFCONFIG=<file>: load a defconfig from anywhere.
defconfig: FORCE
	$(if $(DEFCONFIG),,$(error defconfig: set DEFCONFIG=<file>, or use one of `make list-defconfigs`))
	$(call kiln-kconfig-load,$(abspath $(DEFCONFIG)),--defconfig=$(abspath $(DEFCONFIG)))

# The interactive front ends. An existing .config is checked first: the
# menus would drop its unknown symbols without a word.
kiln-kconfig-tool.menuconfig := kconfig-mconf
kiln-kconfig-tool.nconfig := kconfig-nconf
menuconfig nconfig: FORCE
	$(kiln-kconfig-prepare)
	@command -v $(kiln-kconfig-tool.$@) >/dev/null || { echo "kiln: $(kiln-kconfig-tool.$@) not found: sudo ./scripts/setup" >&2; exit 1; }
	$(Q)$(if $(wildcard $(KILN_CONFIG)),$(kiln-check-config-symbols) &&) \
		$(KILN_KCONFIG_ENV) $(kiln-kconfig-tool.$@) $(KILN_KCONFIG)

oldconfig: FORCE
	$(kiln-kconfig-prepare)
	$(if $(wildcard $(KILN_CONFIG)),,$(error oldconfig: no $(KILN_CONFIG) yet; start with `make <name>_defconfig`))
	$(Q)$(kiln-check-config-symbols)
	$(Q)$(KILN_KCONFIG_ENV) kconfig-conf --oldconfig $(KILN_KCONFIG)

# randconfig: a random configuration (KCONFIG_SEED=<n> repeats one).
randconfig: FORCE
	$(kiln-kconfig-prepare)
	$(Q)$(KILN_KCONFIG_ENV) kconfig-conf --randconfig $(KILN_KCONFIG) >$(KILN_GEN_DIR)/conf.log 2>&1 || \
		{ cat $(KILN_GEN_DIR)/conf.log >&2; exit 1; }
	@sed -n 's/^\(KCONFIG_SEED=.*\)/kiln: random configuration written to $(subst /,\/,$(KILN_CONFIG)) (\1)/p' $(KILN_GEN_DIR)/conf.log

olddefconfig: FORCE
	$(if $(wildcard $(KILN_CONFIG)),,$(error olddefconfig: no $(KILN_CONFIG) yet; start with `make <name>_defconfig`))
	$(call kiln-kconfig-load,$(KILN_CONFIG),--olddefconfig)

# savedefconfig: the minimal file that recreates .config (default
# $(O)/defconfig; DEFCONFIG=<file> to write elsewhere, e.g. configs/x_defconfig).
savedefconfig: FORCE
	$(kiln-kconfig-prepare)
	$(if $(wildcard $(KILN_CONFIG)),,$(error savedefconfig: no $(KILN_CONFIG) yet; start with `make <name>_defconfig` (see `make list-defconfigs`) or `make menuconfig`))
	$(Q)$(KILN_KCONFIG_ENV) kconfig-conf --savedefconfig=$(abspath $(or $(DEFCONFIG),$(O)/defconfig)) $(KILN_KCONFIG) >/dev/null
	@echo "kiln: saved $(abspath $(or $(DEFCONFIG),$(O)/defconfig))"

list-defconfigs: FORCE
	@$(foreach d,$(KILN_DEFCONFIG_DIRS),\
		$(if $(filter $(d)/%,$(KILN_DEFCONFIGS)),\
		echo "Defconfigs in $(patsubst $(KILN_TOP)/%,%,$(d)):"; \
		$(foreach f,$(filter $(d)/%,$(KILN_DEFCONFIGS)),\
		printf '  %-32s - %s\n' '$(notdir $(f))' "$$(sed -n 's/^# *//p;q' $(f))";)))

# The build re-reads the menus when one changed since .config was written.
ifneq ($(filter-out $(KILN_NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
$(KILN_CONFIG): $(KILN_KCONFIG_FILES)
	$(kiln-kconfig-prepare)
	$(call kiln-step-msg,CONFIG,menus changed: make olddefconfig)
	$(Q)$(kiln-check-config-symbols)
	$(Q)$(KILN_KCONFIG_ENV) kconfig-conf --olddefconfig $(KILN_KCONFIG) >/dev/null
	$(Q)touch $@
endif

.PHONY: menuconfig nconfig oldconfig olddefconfig randconfig savedefconfig list-defconfigs defconfig
