# External trees: directories outside Kiln that add applications, packages
# and defconfigs (Buildroot's BR2_EXTERNAL). Layout of one tree:
#
#   my-tree/
#     Config.in          menu entries of its library packages (optional)
#     Config.apps.in     entries of its applications, shown in the
#                        Application choice (optional)
#     package/<name>/    <name>.mk (+ sources, .hash, patches), as in Kiln
#     configs/           <name>_defconfig files
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
	$(if $(wildcard $(e)/.),,$(error KILN_EXTERNAL: $(e) is not a directory)))
$(foreach e,$(KILN_EXTERNAL_DIRS),\
	$(if $(wildcard $(e)/package $(e)/configs $(e)/Config.in $(e)/Config.apps.in),,\
	$(error KILN_EXTERNAL: $(e) has none of package/, configs/, Config.in, Config.apps.in: is it an external tree?)))

# Kconfig fragments that source every external tree's menus; the top-level
# Kconfig sources these two files (paths passed through the environment).
KILN_EXTERNAL_KCONFIG := $(KILN_GEN_DIR)/external.in
KILN_EXTERNAL_APPS_KCONFIG := $(KILN_GEN_DIR)/external-apps.in
kiln-external-kconfig = $(foreach e,$(KILN_EXTERNAL_DIRS),$(if $(wildcard $(e)/$(1)),source "$(e)/$(1)"$(kiln-newline)))
