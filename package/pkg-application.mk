# Applications: the program a unikernel runs. Sources live beside the .mk
# (in Kiln's package/ or an external tree's), and the image links them with
# every package they depend on, the runtime and the platform's boot shim.
#
# package/<app>/<app>.mk:
#
#   HELLO_SOURCES = hello.c              relative to the .mk's folder
#   HELLO_DEPENDENCIES = lua             packages it links
#   HELLO_DEVICES = block:storage net:service0
#                                        the manifest: devices the image uses
#   HELLO_RUN_ARGS = --block:storage=disk.img
#                                        tender options make run passes
#   HELLO_RUN_NET_ARGS = --ipv4=$(KILN_NET_GUEST_CIDR)
#                                        with a net device: the arguments
#                                        that give it its address on make
#                                        net-up's network (make run passes
#                                        them before ARGS; package/pkg-net.mk)
#   HELLO_EMBED = script.lua             files embedded as byte arrays:
#                                        `extern const unsigned char
#                                        kiln_embed_script_lua[]` and
#                                        `kiln_embed_script_lua_size`
#   HELLO_FPU = y                        its sources may use floating point
#                                        (else -mgeneral-regs-only: a float
#                                        fails with "SSE register return
#                                        with SSE disabled"); or list such
#                                        files in HELLO_FPU_SOURCES
#   HELLO_CFLAGS = -DGREETING='"hi"'     for its own objects (shell words)
#   HELLO_INCLUDES = include             -I, relative to its folder
#   HELLO_EXTRA_OBJS = $(BUILD_DIR)/hello/gen/table.o
#                                        objects its .mk makes with rules
#                                        of its own (a generated unit),
#                                        linked into the image too
#   $(eval $(kiln-application))
#
# Its Config.in (config APP_HELLO, a choice of the Application menu) is
# listed in package/Config.apps.in for an application in Kiln's tree (an
# external tree's are found on their own), and selects every package of
# HELLO_DEPENDENCIES (select PACKAGE_LUA): a missing select stops the build.
# Comments go on lines of their own (make keeps the blanks before a `#`).
#
# The application whose Kconfig symbol KILN_APP_<NAME> is set is the one
# `make` builds: $(O)/images/<app>.<platform>.

KILN_GEN_MANIFEST := $(KILN_TOP)/scripts/gen-manifest
KILN_GEN_EMBED := $(KILN_TOP)/scripts/gen-embed

define kiln-application-inner
$(2)_NAME := $(1)
$(2)_PKGDIR := $(pkgdir)
$(2)_SRCDIR := $(pkgdir)
$(2)_KIND := application
$(2)_CFLAGS += -Wall
KILN_APPLICATIONS += $(1)
$$(eval $$(call kiln-objects,$(1),$(2),$$($(2)_SRCDIR),$(BUILD_DIR)/$(1)))

# The manifest, regenerated when the device list changes.
$(2)_MANIFEST_C := $(BUILD_DIR)/$(1)/manifest/manifest.c
$(2)_MANIFEST_O := $(BUILD_DIR)/$(1)/manifest/manifest.o
$(2)_DEVICES_FILE := $(BUILD_DIR)/$(1)/manifest/devices
$$(eval $$(call kiln-generated-file,$$($(2)_DEVICES_FILE),$(2)_DEVICES))
# It also names the application, for argv[0].
$$($(2)_MANIFEST_C): $$($(2)_DEVICES_FILE) $(KILN_GEN_MANIFEST) $(KILN_TOP)/package/pkg-application.mk
	$$(call kiln-msg,GEN,$$@)
	$(Q){ $(KILN_GEN_MANIFEST) $$($(2)_DEVICES) && \
		echo 'const char *const __kiln_app_name = "$(1)";'; } >$$@.tmp && mv $$@.tmp $$@
$$($(2)_MANIFEST_O): $$($(2)_MANIFEST_C) $(TARGET_CC)
	$$(call kiln-msg,CC,$$@)
	$(Q)$(TARGET_CC) $(KILN_NOFPU_CFLAGS) -MMD -MP -c -o $$@ $$<
-include $$($(2)_MANIFEST_O:.o=.d)
KILN_OBJ_DIRS += $(BUILD_DIR)/$(1)/manifest

# Embedded files: one generated C unit each.
$(2)_EMBED_OBJS := $$(patsubst %,$(BUILD_DIR)/$(1)/embed/%.o,$$(subst /,_,$$($(2)_EMBED)))
$$(foreach f,$$($(2)_EMBED),$$(eval $$(call kiln-embed-rule,$(1),$$($(2)_SRCDIR)/$$(f),$(BUILD_DIR)/$(1)/embed/$$(subst /,_,$$(f)))))

$(2)_IMAGE := $(IMAGES_DIR)/$(1).$(KILN_PLATFORM)
# The linker's map of the image: where each object's sections went (make size).
$(2)_LINK_MAP := $(BUILD_DIR)/$(1)/$(1).$(KILN_PLATFORM).map
$(2)_ALL_OBJS = $$($(2)_OBJS) $$($(2)_MANIFEST_O) $$($(2)_EMBED_OBJS) $$($(2)_EXTRA_OBJS)

$$(eval $$(call kiln-package-verbs,$(1),$$($(2)_IMAGE),$$$$($(2)_ALL_OBJS) $$($(2)_IMAGE),$(BUILD_DIR)/$(1) $$($(2)_IMAGE)))
endef

kiln-application = $(call kiln-application-inner,$(pkgname),$(call kiln-uppercase,$(pkgname)))

# $(1) app, $(2) file to embed, $(3) object base (no suffix).
define kiln-embed-rule
$(3).c: $(2) $(KILN_GEN_EMBED) | $(BUILD_DIR)/$(1)/embed
	$$(call kiln-msg,GEN,$$@)
	$(Q)$(KILN_GEN_EMBED) $(2) >$$@.tmp && mv $$@.tmp $$@
$(3).o: $(3).c $(TARGET_CC)
	$$(call kiln-msg,CC,$$@)
	$(Q)$(TARGET_CC) $(KILN_NOFPU_CFLAGS) -c -o $$@ $$<
KILN_OBJ_DIRS += $(BUILD_DIR)/$(1)/embed
endef

# After every .mk is read: the image rule, which names the libraries of
# every package the application needs, directly or not. The linker writes
# its output in place as it goes, so the image is linked to a temporary
# name and renamed when whole: a make killed mid-link (kill -9, which
# .DELETE_ON_ERROR cannot act on) leaves nothing the next make would take
# as done.
define kiln-application-finalize
$(1)_LINK_PACKAGES := $(call kiln-deps-closure,$($(1)_DEPENDENCIES))
$(foreach d,$($(1)_DEPENDENCIES),$(if $(filter $(d),$(KILN_PACKAGES)),,$(error $($(1)_NAME): $(1)_DEPENDENCIES names $(d), which is no package)))
$$($(1)_OBJS): $$(foreach d,$$($(1)_LINK_PACKAGES),$$($$(call kiln-uppercase,$$(d))_STAMP_HEADERS))
$$($(1)_IMAGE): $$($(1)_ALL_OBJS) $$(foreach d,$$($(1)_LINK_PACKAGES),$$($$(call kiln-uppercase,$$(d))_LINK)) \
		$(KILN_RUNTIME_LIBS) $(KILN_LDSCRIPT) $(TARGET_LINK_CC) | $(IMAGES_DIR)
	$$(call kiln-msg,LD,$$@)
	$(Q)$(TARGET_LINK_CC) -o $$@.tmp -Wl,-Map=$$($(1)_LINK_MAP) $$($(1)_ALL_OBJS) \
		-Wl,--start-group $$(foreach d,$$($(1)_LINK_PACKAGES),$$($$(call kiln-uppercase,$$(d))_LINK)) -Wl,--end-group
	$(if $(KILN_POST_LINK),$(Q)$(call $(KILN_PLATFORM_PREFIX)_POST_LINK,$$@.tmp))
	$(Q)mv -f $$@.tmp $$@
endef
