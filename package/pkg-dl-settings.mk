# Download settings given to make: KILN_DL_DIR, KILN_PRIMARY_SITE and
# KILN_BACKUP_SITE on the command line or in the environment override the
# options of .config, and are remembered in $(O) as KILN_EXTERNAL is
# (package/pkg-external.mk): a later make in the same output folder uses
# them without being told again, instead of downloading from upstream into
# <kiln>/dl. Given empty (KILN_PRIMARY_SITE=), a setting is forgotten and
# .config's option is used again.
#
# Defines KILN_DL_DIR_ENV, KILN_PRIMARY_SITE_ENV and KILN_BACKUP_SITE_ENV:
# the value in force over .config's, or empty (package/pkg-download.mk).

KILN_DL_SETTINGS_SAVED := $(O)/.kiln-dl-settings.mk
-include $(KILN_DL_SETTINGS_SAVED)

kiln-dl-setting-given = $(filter environment command%,$(origin $(1)))

# The cache is kept as an absolute path: a relative one means the folder
# make runs in (Kiln's, with make -C) at the time it is given.
KILN_DL_DIR_ENV := $(if $(call kiln-dl-setting-given,KILN_DL_DIR),$(if $(KILN_DL_DIR),$(abspath $(KILN_DL_DIR))),$(KILN_DL_DIR_SAVED))
KILN_PRIMARY_SITE_ENV := $(if $(call kiln-dl-setting-given,KILN_PRIMARY_SITE),$(KILN_PRIMARY_SITE),$(KILN_PRIMARY_SITE_SAVED))
KILN_BACKUP_SITE_ENV := $(if $(call kiln-dl-setting-given,KILN_BACKUP_SITE),$(KILN_BACKUP_SITE),$(KILN_BACKUP_SITE_SAVED))

define kiln-dl-settings-text
KILN_DL_DIR_SAVED := $(KILN_DL_DIR_ENV)
KILN_PRIMARY_SITE_SAVED := $(KILN_PRIMARY_SITE_ENV)
KILN_BACKUP_SITE_SAVED := $(KILN_BACKUP_SITE_ENV)
endef

# Saved when one is given, by a make that configures or builds (not by
# help, clean or check, which would otherwise create the output folder).
KILN_DL_SETTINGS_QUIET_GOALS := help list-defconfigs clean distclean check check-% bench fuzz
ifneq ($(foreach v,KILN_DL_DIR KILN_PRIMARY_SITE KILN_BACKUP_SITE,$(call kiln-dl-setting-given,$(v))),)
ifneq ($(filter-out $(KILN_DL_SETTINGS_QUIET_GOALS),$(or $(MAKECMDGOALS),all)),)
ifneq ($(call kiln-file-differs,$(KILN_DL_SETTINGS_SAVED),$(kiln-dl-settings-text)),)
$(call kiln-mkdir-now,$(O))
$(file >$(KILN_DL_SETTINGS_SAVED),$(kiln-dl-settings-text))
endif
endif
endif
