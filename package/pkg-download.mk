# Getting a package's source tree: download (kiln-dl, scripts/dl/), verify,
# extract, patch. Shared by every package flavour.
#
# Sites, in the order tried: the primary mirror, the package's upstream
# site, the backup mirror. Each variable given on the command line or in the
# environment overrides the option, and is remembered in $(O)
# (package/pkg-dl-settings.mk):
#   KILN_DL_DIR        download cache (KILN_DL_DIR in menuconfig; default dl/)
#   KILN_PRIMARY_SITE  KILN_PRIMARY_SITE
#   KILN_BACKUP_SITE   KILN_BACKUP_SITE
#   KILN_DL_MAX_SIZE   KILN_DL_MAX_SIZE_MIB (but in bytes, or with K, M, G, T)

KILN_DL := $(HOST_BIN)/kiln-dl

# What was given to make (or remembered) wins over .config.
DL_DIR := $(abspath $(or $(KILN_DL_DIR_ENV),$(call qstrip,$(KILN_DL_DIR)),$(KILN_TOP)/dl))
PRIMARY_SITE := $(call qstrip,$(or $(KILN_PRIMARY_SITE_ENV),$(KILN_PRIMARY_SITE)))
BACKUP_SITE := $(call qstrip,$(or $(KILN_BACKUP_SITE_ENV),$(KILN_BACKUP_SITE)))
KILN_PATCH_DIRS := $(call qstrip,$(KILN_GLOBAL_PATCH_DIR))

# A variable that came from the environment would be exported with its
# current value, which is now .config's: a sub-make (the -rebuild verbs)
# would take it as given, and remember it. Sub-makes read what is
# remembered in $(O) instead (command-line values reach them as such).
unexport KILN_DL_DIR KILN_PRIMARY_SITE KILN_BACKUP_SITE

# $(1): PREFIX. The URLs to try for the upstream archive, in order.
kiln-pkg-urls = $(strip \
	$(if $(PRIMARY_SITE),$(PRIMARY_SITE)/$($(1)_SOURCE)) \
	$(if $(KILN_PRIMARY_SITE_ONLY),,$(if $($(1)_SITE),$($(1)_SITE)/$($(1)_SOURCE))) \
	$(if $(KILN_PRIMARY_SITE_ONLY),,$(if $(BACKUP_SITE),$(BACKUP_SITE)/$($(1)_SOURCE))))

# $(1): an alternative archive. Only the mirrors have it.
kiln-pkg-alt-urls = $(strip $(if $(PRIMARY_SITE),$(PRIMARY_SITE)/$(1)) \
	$(if $(KILN_PRIMARY_SITE_ONLY),,$(if $(BACKUP_SITE),$(BACKUP_SITE)/$(1))))

# $(1): name. Hash files: the package's own, then each overlay's.
kiln-pkg-hash-files = $(wildcard $($(call kiln-uppercase,$(1))_PKGDIR)/$(1).hash \
	$(foreach d,$(KILN_PATCH_DIRS),$(d)/$(1)/$(1).hash))

# $(1): name. Patches: the package's own in name order, then each overlay's.
kiln-pkg-patches = $(sort $(wildcard $($(call kiln-uppercase,$(1))_PKGDIR)/*.patch)) \
	$(foreach d,$(KILN_PATCH_DIRS),$(sort $(wildcard $(d)/$(1)/*.patch)))

KILN_DL_OPTS = --connect-timeout $(or $(KILN_DL_CONNECT_TIMEOUT),15) \
	--stall-timeout $(or $(KILN_DL_STALL_TIMEOUT),30) \
	--max-size $(or $(KILN_DL_MAX_SIZE),$(or $(KILN_DL_MAX_SIZE_MIB),1024)M) \
	--retries $(or $(KILN_DL_RETRIES),3)

# kiln-package-source: $(1) name, $(2) PREFIX. Reads PREFIX_VERSION,
# PREFIX_SOURCE, PREFIX_SITE and PREFIX_ALT_SOURCES; defines PREFIX_ARCHIVE,
# PREFIX_SRCDIR and its stamps, and the verbs <name>-source, -extract, -patch.
#
# PREFIX_ALT_SOURCES names other archives of the same release (a
# distribution's repack, under its own name), each with its own sha256 in
# the hash file: used, from the mirrors only, when the upstream archive
# cannot be had. The stamp of the download step holds the archive used.
define kiln-package-source
$(call kiln-check-one-word,$(2)_VERSION $(2)_SOURCE $(2)_SITE $(2)_STRIP_COMPONENTS)
$(2)_PKGDIR ?= $(pkgdir)
$(2)_SRCDIR := $(BUILD_DIR)/$(1)-$$($(2)_VERSION)
$(2)_STAMP_EXTRACTED := $$($(2)_SRCDIR)/.stamp_extracted
$(2)_STAMP_PATCHED := $$($(2)_SRCDIR)/.stamp_patched
$(2)_HASH_FILES := $$(call kiln-pkg-hash-files,$(1))
$(2)_PATCHES := $$(call kiln-pkg-patches,$(1))
$(2)_URLS := $$(call kiln-pkg-urls,$(2))

# Downloading is stamped per output directory, so a cache shared by several
# output directories is never touched once a file is in it. The stamp is
# remade when a hash file changed: kiln-dl then re-checks the cached file,
# without the network when it matches.
$(2)_STAMP_DOWNLOADED := $(BUILD_DIR)/.downloads/$(1)-$$($(2)_VERSION)
ifeq ($$(wildcard $$(addprefix $(DL_DIR)/$(1)/,$$($(2)_SOURCE) $$($(2)_ALT_SOURCES))),)
# Not in the cache (a new or emptied cache): fetch again whatever the stamp says.
$$($(2)_STAMP_DOWNLOADED): FORCE
endif
$(2)_DOWNLOAD_CMD = $(KILN_TOP)/scripts/download-package $$($(2)_STAMP_DOWNLOADED) $(DL_DIR)/$(1) \
		'$(KILN_DL) -q $(KILN_DL_OPTS) $$(addprefix -H ,$$($(2)_HASH_FILES))' \
		-- $$($(2)_SOURCE) $$($(2)_URLS) \
		$$(foreach a,$$($(2)_ALT_SOURCES),-- $$(a) $$(call kiln-pkg-alt-urls,$$(a)))
$$($(2)_STAMP_DOWNLOADED): $$($(2)_HASH_FILES) | $(KILN_DL)
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Downloading)
	$(Q)$$($(2)_DOWNLOAD_CMD)

# Unpacking the archive into the tree (replacing any tree there). The
# download stamp is trusted for what was downloaded, never for what is in
# the cache now: the archive is verified first, and one that fails is
# downloaded again (the download step run once more, which may settle on
# another archive, so the name is read from its stamp only then). The
# license files are then checked against the hash files, before patching.
$(2)_EXTRACT_CMD = { $(KILN_TOP)/scripts/verify-archive $$($(2)_ARCHIVE) $$($(2)_HASH_FILES) || \
		$$($(2)_DOWNLOAD_CMD); } && \
	$(KILN_TOP)/scripts/extract "$(DL_DIR)/$(1)/$$$$(cat $$($(2)_STAMP_DOWNLOADED))" \
		$$($(2)_SRCDIR) $$(or $$($(2)_STRIP_COMPONENTS),1) \
	$$(if $$($(2)_LICENSE_FILES),&& $(KILN_TOP)/scripts/check-license-hashes $(1) $$($(2)_SRCDIR) \
		$$($(2)_HASH_FILES) -- $$($(2)_LICENSE_FILES))

# The archive the download step got (upstream, or an alternative), read
# from its stamp when a recipe uses it, after the download step ran.
$(2)_ARCHIVE = $(DL_DIR)/$(1)/$$(file <$$($(2)_STAMP_DOWNLOADED))

$$($(2)_STAMP_EXTRACTED): $$($(2)_STAMP_DOWNLOADED)
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Extracting)
	$(Q)$$($(2)_EXTRACT_CMD)
	$(Q)touch $$@

# The list of patches, rewritten only when it changes: removing a patch, or
# adding one older than the stamp, patches again too.
$(2)_PATCH_LIST := $(BUILD_DIR)/.patches/$(1)
$$(eval $$(call kiln-generated-file,$$($(2)_PATCH_LIST),$(2)_PATCHES))

# Patching starts again from a fresh tree when a patch changed, or after a
# patch failed: .done-once is made before the first patch is tried.
$$($(2)_STAMP_PATCHED): $$($(2)_STAMP_EXTRACTED) $$($(2)_PATCHES) $$($(2)_PATCH_LIST)
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Patching)
	$(Q)if [ -e $$@.done-once ]; then \
		$$($(2)_EXTRACT_CMD) && \
		touch $$($(2)_STAMP_EXTRACTED); fi
	$(Q)touch $$@.done-once
	$(Q)$(KILN_TOP)/scripts/apply-patches $(1) $$($(2)_SRCDIR) $$($(2)_PATCHES)
	$(Q)touch $$@

$(1)-source: $$($(2)_STAMP_DOWNLOADED)
$(1)-extract: $$($(2)_STAMP_EXTRACTED)
$(1)-patch: $$($(2)_STAMP_PATCHED)
.PHONY: $(1)-source $(1)-extract $(1)-patch
endef
