# External trees: directories outside Kiln that add applications, packages
# and defconfigs (Buildroot's BR2_EXTERNAL). Layout of one tree:
#
#   my-tree/
#     package/<name>/    Config.in, <name>.mk (+ sources, .hash, patches),
#                        as in Kiln. An application's Config.in goes into the
#                        Application choice, a library's into Packages.
#     configs/           <name>_defconfig files
#     Config.in          extra menus of the tree (optional)
#
# KILN_EXTERNAL=<dir>[:<dir>...] names them. It is saved in $(O) so that
# later commands in the same output directory remember it.

KILN_EXTERNAL_SAVED := $(O)/.kiln-external.mk

ifeq ($(origin KILN_EXTERNAL),undefined)
-include $(KILN_EXTERNAL_SAVED)
else
# Given now (command line or environment): remember it for next time.
ifneq ($(call kiln-file-differs,$(KILN_EXTERNAL_SAVED),KILN_EXTERNAL := $(KILN_EXTERNAL)),)
$(shell mkdir -p $(O))
$(file >$(KILN_EXTERNAL_SAVED),KILN_EXTERNAL := $(KILN_EXTERNAL))
endif
endif

KILN_EXTERNAL_DIRS := $(foreach e,$(subst :, ,$(KILN_EXTERNAL)),$(abspath $(e)))

$(foreach e,$(KILN_EXTERNAL_DIRS),\
	$(if $(wildcard $(e)/.),,$(error KILN_EXTERNAL: $(e) is not a directory; KILN_EXTERNAL names external trees, folders with package/ or configs/)))
$(foreach e,$(KILN_EXTERNAL_DIRS),\
	$(if $(wildcard $(e)/package $(e)/configs),,\
	$(error KILN_EXTERNAL: $(e) has neither package/ nor configs/: is it an external tree?)))

# Kconfig fragments that source every external tree's menus; the top-level
# Kconfig sources these two files (paths passed through the environment).
KILN_EXTERNAL_KCONFIG := $(KILN_GEN_DIR)/external.in
KILN_EXTERNAL_APPS_KCONFIG := $(KILN_GEN_DIR)/external-apps.in

# Each package's Config.in, sorted by what its .mk evaluates.
kiln-external-is-app = $(findstring kiln-application,$(file <$(patsubst %/Config.in,%,$(1))/$(notdir $(patsubst %/Config.in,%,$(1))).mk))
kiln-external-pkg-menus = $(sort $(foreach e,$(KILN_EXTERNAL_DIRS),$(wildcard $(e)/package/*/Config.in)))
kiln-external-kconfig-libs = $(foreach e,$(KILN_EXTERNAL_DIRS),$(if $(wildcard $(e)/Config.in),source "$(e)/Config.in"$(kiln-newline)))$(foreach c,$(kiln-external-pkg-menus),$(if $(call kiln-external-is-app,$(c)),,source "$(c)"$(kiln-newline)))
kiln-external-kconfig-apps = $(foreach c,$(kiln-external-pkg-menus),$(if $(call kiln-external-is-app,$(c)),source "$(c)"$(kiln-newline)))
