# The foreign flavour, for the rare package that only builds with its own
# Makefile, autotools or CMake: Kiln downloads, verifies and patches it as
# usual, then runs the package's commands with the wrapper compiler.
#
# package/<pkg>/<pkg>.mk:
#
#   FOO_VERSION, FOO_SOURCE, FOO_SITE, FOO_LICENSE... as for kiln-package
#   FOO_CONFIGURE_CMDS = ./configure --host=x86_64-linux CC="$(TARGET_CC)"
#   FOO_BUILD_CMDS = $(MAKE) CC="$(TARGET_CC)" AR="$(TARGET_AR)" libfoo.a
#   FOO_INSTALL_CMDS = cp libfoo.a $(STAGING_DIR)/lib/ && cp foo.h $(STAGING_DIR)/include/
#   FOO_LIBS = libfoo.a                  what INSTALL_CMDS puts in staging/lib
#   FOO_HOST_TOOLS = cmake:cmake         programs its commands need beyond
#                                        Kiln's own, as <command>:<Debian
#                                        package>: checked (scripts/check-host)
#                                        before its first step, so a missing
#                                        one is named with what installs it
#   $(eval $(kiln-foreign-package))
#
# Files of the package's own beside the .mk (a Makefile for a library that
# has none, a config.h): copy them into the tree in CONFIGURE_CMDS, e.g.
#   FOO_CONFIGURE_CMDS = cp $(FOO_PKGDIR)/Makefile.kiln Makefile
# and list them in no hash file (they are not downloaded). Prefer a patch
# when the change is to upstream's own files.
#
# Each of CONFIGURE_CMDS, BUILD_CMDS and INSTALL_CMDS is one shell command
# list run in the package's tree (`a && b`, `(cd src && $(MAKE))`, `a; b`).
# FOO_ENV is exported for the whole list, so every command in it sees
# CC and AR (the wrapper compiler and archiver), TARGET_CC, TARGET_AR and
# STAGING_DIR, and CFLAGS, LDFLAGS, MAKEFLAGS empty: the package's own make
# gets no -j, jobserver or O= of Kiln's (pass -j yourself if it is safe).
# Each step is stamped; <pkg>-rebuild reruns the build and install steps.

define kiln-foreign-package-inner
$(2)_NAME := $(1)
$(2)_PKGDIR := $(pkgdir)
$(2)_KIND := foreign
KILN_PACKAGES += $(1)
$(call kiln-package-source,$(1),$(2))

$(2)_STAMP_CONFIGURED := $$($(2)_SRCDIR)/.stamp_configured
$(2)_STAMP_BUILT := $$($(2)_SRCDIR)/.stamp_built
$(2)_STAMP_HEADERS := $(KILN_HEADERS_STAMP_DIR)/$(1)
$(2)_LINK = $$(addprefix $(STAGING_DIR)/lib/,$$($(2)_LIBS))
$(2)_ENV = MAKEFLAGS= MAKEOVERRIDES= MFLAGS= CC="$(TARGET_CC)" AR="$(TARGET_AR)" CFLAGS= LDFLAGS= \
	TARGET_CC="$(TARGET_CC)" TARGET_AR="$(TARGET_AR)" STAGING_DIR="$(STAGING_DIR)"
# $(1) the step's commands: run in the tree with the environment exported
# to every command of the list (put as text in front of it, it would reach
# only the first, and a list starting with `(` or `{` would not parse).
$(2)_RUN = cd $$($(2)_SRCDIR) || exit 1; export $$($(2)_ENV); $$(1)

# The package's own build trusts what it finds in its tree: an object its
# compiler was writing when make was killed (kill -9, a power cut) looks
# done to it. So the configure and build steps are marked as under way
# while they run, and a mark left by an interrupted (or failed) make has the
# whole tree extracted, patched and built again.
$(2)_BUILDING := $$($(2)_SRCDIR)/.building
ifneq ($$(wildcard $$($(2)_BUILDING)),)
$$($(2)_STAMP_EXTRACTED): FORCE
endif

$$($(2)_STAMP_CONFIGURED): $$($(2)_STAMP_PATCHED) $(TARGET_CC)
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Configuring)
	$(Q)$$(if $$(strip $$($(2)_HOST_TOOLS)),$(KILN_TOP)/scripts/check-host $$($(2)_HOST_TOOLS) || \
		{ echo "kiln: $(1) needs these programs ($(2)_HOST_TOOLS)" >&2; exit 1; })
	$(Q)touch $$($(2)_BUILDING)
	$(Q)$$(if $$(strip $$($(2)_CONFIGURE_CMDS)),$$(call $(2)_RUN,$$($(2)_CONFIGURE_CMDS)))
	$(Q)touch $$@

$$($(2)_STAMP_BUILT): $$($(2)_STAMP_CONFIGURED)
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Building)
	$(Q)touch $$($(2)_BUILDING)
	$(Q)$$(call $(2)_RUN,$$($(2)_BUILD_CMDS))
	$(Q)touch $$@ && rm -f $$($(2)_BUILDING)

# Installing the libraries also installs the headers (one step).
$$($(2)_STAMP_HEADERS): $$($(2)_STAMP_BUILT) | $(STAGING_DIR)/lib $(STAGING_DIR)/include
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Installing to staging)
	$(Q)$$(call $(2)_RUN,$$($(2)_INSTALL_CMDS))
	$(Q)for l in $$($(2)_LIBS); do [ -f $(STAGING_DIR)/lib/$$$$l ] || { \
		echo "kiln: $(1): $(2)_INSTALL_CMDS did not install $(STAGING_DIR)/lib/$$$$l (listed in $(2)_LIBS)" >&2; exit 1; }; done
	$(Q)mkdir -p $$(@D) && touch $$@
$$($(2)_LINK): $$($(2)_STAMP_HEADERS)

$(2)_TARGETS := $$($(2)_STAMP_HEADERS)
$$(eval $$(call kiln-package-verbs,$(1),$$($(2)_TARGETS),$$($(2)_STAMP_BUILT) $$($(2)_STAMP_HEADERS),\
	$$($(2)_SRCDIR) $$($(2)_STAMP_HEADERS) $$($(2)_STAMP_DOWNLOADED) $$($(2)_LINK)))
endef

kiln-foreign-package = $(call kiln-foreign-package-inner,$(pkgname),$(call kiln-uppercase,$(pkgname)))
