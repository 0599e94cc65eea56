# Kiln: build C unikernels the Buildroot way.
#
# This is the only entry point. `make help` lists every target. The build is
# one non-recursive make graph: package/pkg-*.mk hold the infrastructure,
# runtime/, boot/ and package/*/ declare what to build in short fragments.
#
#   make hvt_defconfig && make && make run
#
# Everything generated goes to $(O) (default: output/), downloads to the
# download cache (default: dl/, shared by every output directory).

# GNU make 4.3 or later: the build reads files with $(file <).
ifneq ($(filter 3.% 4.0% 4.1% 4.2%,$(MAKE_VERSION)),)
$(error Kiln needs GNU make 4.3 or later (this is $(MAKE_VERSION)))
endif

MAKEFLAGS += --no-builtin-rules --no-builtin-variables --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

KILN_TOP := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
KILN_VERSION := 0.1.0

# O=<dir>: where everything generated goes.
O ?= $(KILN_TOP)/output
override O := $(abspath $(O))
KILN_CONFIG := $(O)/.config
BUILD_DIR := $(O)/build
HOST_DIR := $(O)/host
HOST_BIN := $(HOST_DIR)/bin
STAGING_DIR := $(O)/staging
IMAGES_DIR := $(O)/images
KILN_GEN_DIR := $(O)/.kiln

# V=1: show every command in full; otherwise one short line per step.
ifeq ($(V),1)
Q :=
else
Q := @
endif

include $(KILN_TOP)/package/pkg-utils.mk

# External trees (as Buildroot's BR2_EXTERNAL): KILN_EXTERNAL=<dir>[:<dir>...]
# on the command line or in the environment; remembered in $(O) so later
# commands need not repeat it. KILN_EXTERNAL= (empty) forgets it.
include $(KILN_TOP)/package/pkg-external.mk

# KILN_DL_DIR, KILN_PRIMARY_SITE, KILN_BACKUP_SITE: given on the command line
# or in the environment, they override .config and are remembered in $(O).
include $(KILN_TOP)/package/pkg-dl-settings.mk

# Targets that never read the configuration.
KILN_NOCONFIG_GOALS := menuconfig nconfig oldconfig olddefconfig randconfig syncconfig \
	savedefconfig %_defconfig defconfig list-defconfigs help clean distclean \
	check check-% bench fuzz net-up net-down net-status

KILN_CONFIG_GOALS := menuconfig nconfig oldconfig olddefconfig randconfig savedefconfig \
	%_defconfig defconfig

# A configuration goal mixed with build goals (make hvt_defconfig all): run
# each goal on its own, in order, so the build sees the new configuration.
ifneq ($(filter $(KILN_CONFIG_GOALS),$(MAKECMDGOALS)),)
ifneq ($(filter-out $(KILN_CONFIG_GOALS),$(MAKECMDGOALS)),)
KILN_MIXED_GOALS := y
endif
endif

ifeq ($(KILN_MIXED_GOALS),y)
.NOTPARALLEL:
$(MAKECMDGOALS): kiln-mixed-goals
	@:
kiln-mixed-goals:
	$(Q)$(foreach g,$(MAKECMDGOALS),$(MAKE) -f $(KILN_TOP)/Makefile $(g) &&) :
.PHONY: kiln-mixed-goals $(MAKECMDGOALS)
else

include $(KILN_TOP)/package/pkg-kconfig.mk
include $(KILN_TOP)/package/pkg-net.mk

# Read the configuration, unless every goal is one that does not need it.
KILN_NEEDS_CONFIG := $(if $(MAKECMDGOALS),$(filter-out $(KILN_NOCONFIG_GOALS),$(MAKECMDGOALS)),all)
ifneq ($(KILN_NEEDS_CONFIG),)
ifeq ($(wildcard $(KILN_CONFIG)),)
$(error No configuration in $(O). Start with `make hvt_defconfig` (see `make list-defconfigs`) or `make menuconfig`)
endif
# A .config changed since it was last checked (edited by hand, say) is
# checked before make reads it: unknown symbols, lines that are no
# configuration, values the menus would not take. Then nothing is built.
KILN_CONFIG_STAMP := $(KILN_GEN_DIR)/config.checked
ifneq ($(shell test '$(KILN_CONFIG_STAMP)' -nt '$(KILN_CONFIG)' && echo checked),checked)
$(call kiln-mkdir-now,$(KILN_GEN_DIR))
$(file >$(KILN_EXTERNAL_KCONFIG),$(kiln-external-kconfig-libs))
$(file >$(KILN_EXTERNAL_APPS_KCONFIG),$(kiln-external-kconfig-apps))
ifneq ($(shell $(KILN_KCONFIG_ENV) $(KILN_CONF_CHECK) config $(KILN_CONFIG) $(KILN_GEN_DIR)/config-check \
	$(KILN_KCONFIG_FILES) >$(KILN_GEN_DIR)/config-check.log 2>&1 && touch '$(KILN_CONFIG_STAMP)' && echo ok),ok)
$(error $(KILN_CONFIG) does not hold:$(KILN_NEWLINE)$(file <$(KILN_GEN_DIR)/config-check.log)$(KILN_NEWLINE)Fix or remove the lines named (make menuconfig shows every option and its help), then run make again)
endif
endif
include $(KILN_CONFIG)
KILN_HAVE_CONFIG := y
endif

ifeq ($(KILN_HAVE_CONFIG),y)
include $(KILN_TOP)/package/pkg-host.mk
include $(KILN_TOP)/package/pkg-target.mk
include $(KILN_TOP)/package/pkg-objects.mk
include $(KILN_TOP)/package/pkg-download.mk
include $(KILN_TOP)/package/pkg-generic.mk
include $(KILN_TOP)/package/pkg-application.mk
include $(KILN_TOP)/package/pkg-foreign.mk

# Host programs: the tenders and the downloader.
include $(KILN_TOP)/scripts/dl/dl.mk
include $(KILN_TOP)/boot/tender/tender.mk
include $(KILN_TOP)/boot/host-programs.mk

# Target components: the runtime, the platform's boot shim, every package.
# The runtime (runtime/runtime.mk lists its sources) becomes libc.a.
include $(KILN_TOP)/runtime/runtime.mk
RUNTIME_SRCDIR := $(KILN_TOP)/runtime/src
RUNTIME_LIBNAME := c
RUNTIME_INCLUDES += $(KILN_TOP)/runtime/src
RUNTIME_CFLAGS += -ffreestanding -Wall -Wextra
$(eval $(call kiln-local-library,runtime))
include $(KILN_TOP)/boot/boot.mk
include $(sort $(wildcard $(KILN_TOP)/package/*/*.mk))
include $(foreach e,$(KILN_EXTERNAL_DIRS),$(sort $(wildcard $(e)/package/*/*.mk)))

include $(KILN_TOP)/package/pkg-info.mk
include $(KILN_TOP)/package/pkg-reports.mk

# Everything selected: the image, its tender, and every selected package
# (also those the application does not link).
all: $(KILN_IMAGE) $(KILN_RUN_DEPS) $(KILN_SELECTED_PACKAGES)

# make run: boot the configured image the platform's way (boot/boot.mk).
run: $(KILN_IMAGE) $(KILN_RUN_DEPS)
	$(Q)$(KILN_SYMBOLIZE) $(KILN_RUN_CMD)

# make gdb: boot the configured image with gdb attached, stopped at the
# application's main (scripts/kiln-gdb; GDB_ARGS="..." for gdb).
gdb: $(KILN_IMAGE) $(KILN_RUN_DEPS)
	$(Q)$(or $(KILN_GDB_CMD),$(error make gdb: the $(KILN_PLATFORM) platform has no debugger set-up (BOOT_<PLATFORM>_GDB_CMD in boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).mk)))

# make watch: build and boot, then again on every saved change
# (scripts/watch; RUN=0 only builds).
watch:
	$(Q)$(KILN_TOP)/scripts/watch O=$(O) $(if $(RUN),RUN=$(RUN)) \
		$(if $(filter command line,$(origin ARGS)),ARGS='$(ARGS)') \
		$(if $(KILN_EXTERNAL_DIRS),EXTERNAL='$(KILN_EXTERNAL_DIRS)')

# make run-nested: the same, always inside a Linux VM under QEMU's TCG that
# has a KVM of its own (scripts/kvm-in-qemu), for platforms that need KVM.
run-nested: $(KILN_IMAGE) $(KILN_RUN_DEPS)
	$(Q)$(KILN_SYMBOLIZE) $(or $(KILN_RUN_NESTED_CMD),$(error make run-nested: the $(KILN_PLATFORM) platform needs no KVM; use make run))
endif

# The test suite and the benchmarks (tests/README.md).
check:
	$(Q)$(KILN_TOP)/tests/run $(TESTS)

check-%:
	$(Q)$(KILN_TOP)/tests/run $*

bench:
	$(Q)$(KILN_TOP)/tests/bench/run O=$(O)

# libFuzzer with ASan and UBSan: the runtime's targets, the tenders' (image
# path, hvt's hypercalls and gdb stub) and kiln-dl's parsers, KILN_FUZZ_SECONDS (default
# 10) each, or until KILN_FUZZ_RUNS executions when that is set (SECONDS then
# bounds it); then the shell parsers (kconfig-check, gen-manifest) with
# KILN_FUZZ_INPUTS (default 200) mutated inputs each (tests/lib/mutate.py).
KILN_FUZZ_SECONDS ?= 10
KILN_FUZZ_INPUTS ?= 200
export KILN_FUZZ_RUNS
fuzz:
	$(Q)$(MAKE) -s -C $(KILN_TOP)/runtime/tests/fuzz run O=$(O) FUZZ_SECONDS=$(KILN_FUZZ_SECONDS)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/boot/tender/fuzz run O=$(O) FUZZ_SECONDS=$(KILN_FUZZ_SECONDS)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/scripts/dl/fuzz run O=$(O) FUZZ_SECONDS=$(KILN_FUZZ_SECONDS)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/boot/common/fuzz run O=$(O) FUZZ_SECONDS=$(KILN_FUZZ_SECONDS)
	$(Q)$(KILN_TOP)/tests/lib/mutate.py kconfig-check -n $(KILN_FUZZ_INPUTS) --save $(O)/mutate
	$(Q)$(KILN_TOP)/tests/lib/mutate.py gen-manifest -n $(KILN_FUZZ_INPUTS) --save $(O)/mutate

clean:
	$(call kiln-step-msg,CLEAN,$(O) build products)
	$(Q)rm -rf $(BUILD_DIR) $(HOST_DIR) $(STAGING_DIR) $(IMAGES_DIR) $(O)/compile_commands.json \
		$(O)/graphs $(O)/legal-info $(O)/kiln.lock $(O)/build-time.log

distclean:
	$(call kiln-step-msg,CLEAN,$(O))
	$(Q)rm -rf $(O)

include $(KILN_TOP)/package/pkg-help.mk

.PHONY: all run run-nested gdb watch check check-% bench fuzz clean distclean
endif # KILN_MIXED_GOALS
