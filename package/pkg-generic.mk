# The usual package flavour: an upstream library whose sources the top-level
# make compiles with the shared flags (Unikraft's model, Buildroot's verbs).
#
# package/<pkg>/<pkg>.mk, e.g. package/lua/lua.mk:
#
#   LUA_VERSION = 5.4.4
#   LUA_SOURCE = lua-$(LUA_VERSION).tar.gz       archive file name
#   LUA_SITE = https://www.lua.org/ftp            upstream directory URL
#   LUA_LICENSE = MIT
#   LUA_LICENSE_FILES = src/lua.h                 in the tree, for legal-info;
#                                                 each needs its sha256 in lua.hash
#   LUA_DEPENDENCIES = libm                       other packages it needs
#   LUA_SOURCES = src/lapi.c ...                  relative to the tree
#   LUA_FPU = y                                   may use floating point
#   LUA_CFLAGS = -DLUA_COMPAT_5_3                 for its own objects only
#   LUA_INCLUDES = src                            -I, relative to the tree
#   LUA_INSTALL_HEADERS = src/lua.h ...           copied to staging/include/
#                                                 (a folder/ is copied whole)
#   $(eval $(kiln-package))
#
# Optional: <PKG>_LIBNAME (archive lib<name>.a, default the package name),
# <PKG>_STRIP_COMPONENTS (leading folders of the archive to drop, default 1),
# <PKG>_FPU_SOURCES, <PKG>_ALT_SOURCES (a distribution's repack of the same
# release under its own name and hash, taken from the mirrors when the
# upstream archive cannot be had; see package/pkg-download.mk).
#
# A header-only library lists no SOURCES, only INSTALL_HEADERS (its
# lib<pkg>.a is then empty). Comments go on lines of their own: make keeps
# the blanks before a `#` on the line of a value, and a VERSION, SOURCE or
# SITE with blanks in it stops the build (package/pkg-utils.mk).
#
# Verbs: <pkg> <pkg>-source -extract -patch -build -rebuild -dirclean.

KILN_HEADERS_STAMP_DIR := $(BUILD_DIR)/.headers

# kiln-package-verbs: the verbs every flavour has. $(1) the name, $(2) what
# <name> and <name>-build make, $(3) the files <name>-rebuild deletes so
# that they are made again, $(4) what <name>-dirclean deletes.
define kiln-package-verbs
$(1) $(1)-build: $(2)
$(1)-rebuild:
	$(Q)rm -f $(3)
	$(Q)$$(MAKE) -f $(KILN_TOP)/Makefile $(1)
$(1)-dirclean:
	$(call kiln-step-msg,CLEAN,$(1))
	$(Q)rm -rf $(4)
.PHONY: $(1) $(1)-build $(1)-rebuild $(1)-dirclean
endef

define kiln-package-inner
$(2)_NAME := $(1)
$(2)_PKGDIR := $(pkgdir)
$(2)_LIBNAME ?= $(1)
$(2)_KIND := package
KILN_PACKAGES += $(1)
$(call kiln-package-source,$(1),$(2))

# The objects go to build/<name>/, beside the tree build/<name>-<version>/
# (which extraction replaces whole), and each depends on the tree's stamp.
$(2)_TREE_STAMP := $$($(2)_STAMP_PATCHED)
$(2)_OBJDIR := $(BUILD_DIR)/$(1)
$$(addprefix $$($(2)_SRCDIR)/,$$($(2)_SOURCES) $$($(2)_FPU_SOURCES)): $$($(2)_STAMP_PATCHED)
$$(eval $$(call kiln-objects,$(1),$(2),$$($(2)_SRCDIR),$$($(2)_OBJDIR)))
$$(eval $$(call kiln-archive,$(2),$(STAGING_DIR)/lib/lib$$($(2)_LIBNAME).a))

$(2)_STAMP_HEADERS := $(KILN_HEADERS_STAMP_DIR)/$(1)
$$($(2)_STAMP_HEADERS): $$($(2)_STAMP_PATCHED) | $(STAGING_DIR)/include
	$$(call kiln-pkg-msg,$(1) $$($(2)_VERSION),Installing headers)
	$(Q)$$(if $$($(2)_INSTALL_HEADERS),cd $$($(2)_SRCDIR) && cp -R $$($(2)_INSTALL_HEADERS) $(STAGING_DIR)/include/)
	$(Q)mkdir -p $$(@D) && touch $$@

$(2)_TARGETS := $$($(2)_LIB) $$($(2)_STAMP_HEADERS)
$(2)_LINK = $$($(2)_LIB)

$$(eval $$(call kiln-package-verbs,$(1),$$($(2)_TARGETS),$$($(2)_OBJS) $$($(2)_LIB),\
	$$($(2)_SRCDIR) $$($(2)_OBJDIR) $$($(2)_LIB) $$($(2)_STAMP_HEADERS) $$($(2)_STAMP_DOWNLOADED) \
	$$(addprefix $(STAGING_DIR)/include/,$$(notdir $$(patsubst %/,%,$$($(2)_INSTALL_HEADERS))))))
endef

kiln-package = $(call kiln-package-inner,$(pkgname),$(call kiln-uppercase,$(pkgname)))

# kiln-local-library: a library of Kiln's own whose sources are in the tree
# (the runtime, the boot shims). $(1) name, $(2) PREFIX; reads PREFIX_SRCDIR,
# PREFIX_SOURCES & co. as above, installs lib$(1).a (or PREFIX_LIBNAME).
define kiln-local-library-inner
$(2)_NAME := $(1)
$(2)_LIBNAME ?= $(1)
$(2)_KIND := local
$$(eval $$(call kiln-objects,$(1),$(2),$$($(2)_SRCDIR),$$(or $$($(2)_OBJ_BASE),$(BUILD_DIR)/$(1))))
$$(eval $$(call kiln-archive,$(2),$(STAGING_DIR)/lib/lib$$($(2)_LIBNAME).a))
$(2)_TARGETS := $$($(2)_LIB)
$$(eval $$(call kiln-package-verbs,$(1),$$($(2)_TARGETS),$$($(2)_OBJS) $$($(2)_LIB),$(BUILD_DIR)/$(1) $$($(2)_LIB)))
endef

kiln-local-library = $(call kiln-local-library-inner,$(1),$(call kiln-uppercase,$(1)))

# Transitive dependencies of the packages $(1), each once.
kiln-deps-closure = $(if $(1),$(sort $(1) $(call kiln-deps-closure,$(sort $(foreach p,$(1),$($(call kiln-uppercase,$(p))_DEPENDENCIES))))))

# After every .mk is read: cross-package prerequisites (a package's objects
# need its dependencies' headers installed) and the checks of declarations.
define kiln-package-finalize
$(foreach d,$($(1)_DEPENDENCIES),$(if $(filter $(d),$(KILN_PACKAGES)),,$(error $($(1)_NAME): $(1)_DEPENDENCIES names $(d), which is no package)))
$$($(1)_OBJS): $(foreach d,$(call kiln-deps-closure,$($(1)_DEPENDENCIES)),$($(call kiln-uppercase,$(d))_STAMP_HEADERS))
endef
