# The target: platform, architecture, and the compiler wrapper that holds the
# shared flags. Every target object is compiled through the wrapper, and a
# user can call it by hand for code outside the tree:
#
#   output/host/bin/x86_64-kiln-hvt-cc -c foo.c          (compile)
#   output/host/bin/x86_64-kiln-hvt-cc -o foo.hvt foo.o  (link an image)

KILN_ARCH := $(call qstrip,$(KILN_ARCH))
KILN_PLATFORM := $(call qstrip,$(KILN_PLATFORM))
KILN_TRIPLET := $(KILN_ARCH)-kiln-$(KILN_PLATFORM)
include $(KILN_TOP)/boot/$(KILN_ARCH)/toolchain.mk

# Two wrappers. TARGET_CC, $(KILN_ARCH)-kiln-cc, compiles: it holds the
# flags of the architecture and the configuration, not the platform's, so
# that every package object is compiled once per architecture and
# configuration and switching platform (hvt_defconfig to
# qemu_x86_64_pc_defconfig, say) only relinks the image and builds the
# shim, as MirageOS picks the platform at the final link. TARGET_LINK_CC,
# $(KILN_TRIPLET)-cc, also links images for the configured platform; it is
# the one a user calls by hand.
TARGET_CC := $(HOST_BIN)/$(KILN_ARCH)-kiln-cc
TARGET_LINK_CC := $(HOST_BIN)/$(KILN_TRIPLET)-cc
TARGET_GCC := $(KILN_ARCH_CROSS_COMPILE)gcc
TARGET_AR := $(KILN_ARCH_CROSS_COMPILE)ar
TARGET_OBJCOPY := $(KILN_ARCH_CROSS_COMPILE)objcopy
TARGET_STRIP := $(KILN_ARCH_CROSS_COMPILE)strip
KILN_LDSCRIPT := $(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).lds

# The compiler's own freestanding headers (stddef.h, stdarg.h, float.h, ...),
# asked once and kept in a file named after the compiler (another toolchain
# asks again); make clean removes it with the build directory.
KILN_GCC_INCLUDE_FILE := $(BUILD_DIR)/.toolchain/$(subst /,_,$(TARGET_GCC))-include
KILN_GCC_INCLUDE := $(file <$(KILN_GCC_INCLUDE_FILE))
ifeq ($(KILN_GCC_INCLUDE),)
KILN_GCC_INCLUDE := $(shell $(TARGET_GCC) -print-file-name=include)
ifeq ($(filter /%,$(KILN_GCC_INCLUDE)),)
$(error $(TARGET_GCC), the $(KILN_ARCH) compiler, does not answer -print-file-name=include; is it installed? (./scripts/setup))
endif
$(call kiln-mkdir-now,$(dir $(KILN_GCC_INCLUDE_FILE)))
$(file >$(KILN_GCC_INCLUDE_FILE),$(KILN_GCC_INCLUDE))
endif

# Flags every target object gets (in the wrapper). Stack clash protection
# probes large frames page by page, so none jumps over the guard page below
# the stack (boot/include/kiln/kiln_abi.h). The host compiler's
# Linux and Unix macros are undefined: a unikernel has no unistd.h, and
# portable libraries that see __linux__ reach for it. Per-component flags
# (warnings, -ffreestanding for the runtime, -mgeneral-regs-only for code
# that must stay off SSE) are added by the infrastructure on top.
TARGET_CFLAGS := \
	-std=gnu11 -pipe \
	$(call qstrip,$(KILN_OPTIMIZE)) \
	$(if $(KILN_DEBUG_INFO),-g) \
	$(call qstrip,$(KILN_SSP_FLAG)) $(if $(KILN_SSP_NONE),,-mstack-protector-guard=global) \
	-fstack-clash-protection \
	-U_FORTIFY_SOURCE $(if $(KILN_FORTIFY_SOURCE),$(if $(filter-out -O0,$(call qstrip,$(KILN_OPTIMIZE))),-D_FORTIFY_SOURCE=2)) \
	-nostdinc \
	-isystem $(KILN_TOP)/runtime/include \
	-isystem $(KILN_TOP)/boot/include \
	-isystem $(STAGING_DIR)/include \
	-isystem $(KILN_GCC_INCLUDE) \
	-fno-pic -fno-pie $(KILN_ARCH_CFLAGS) \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections \
	-fno-plt -fcf-protection=none \
	-D__kiln__ \
	-U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix \
	$(call qstrip,$(KILN_EXTRA_CFLAGS))

# What link mode adds: the platform's linker script, the boot shim and the
# runtime (libc.a), libm when selected, libgcc for compiler helpers.
TARGET_LDFLAGS := \
	-nostdlib -static -no-pie \
	-Wl,-T,$(KILN_LDSCRIPT) \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack -Wl,-z,norelro \
	-Wl,--gc-sections -Wl,--build-id=none \
	-L$(STAGING_DIR)/lib

TARGET_LDLIBS := \
	-Wl,--start-group $(if $(KILN_PACKAGE_LIBM),-lm) -lc -lkiln-boot-$(KILN_PLATFORM) -Wl,--end-group -lgcc

# The wrappers' text. $(1) the wrapper's name, $(2) y if it links images too.
define kiln-wrapper-script
#!/bin/sh
# $(notdir $(1)): Kiln's C compiler for $(KILN_ARCH) unikernels.
# Generated from $(KILN_CONFIG) by `make`; do not edit (run make menuconfig).
#
#   $(notdir $(1)) -c foo.c              compile, with Kiln's target flags
$(if $(2),$(kiln-wrapper-link-usage),$(kiln-wrapper-compile-usage))
cflags='$(strip $(TARGET_CFLAGS))'
for arg; do
	case $$arg in
	-c|-S|-E|-M|-MM) exec $(TARGET_GCC) $$cflags "$$@" ;;
	esac
done
$(if $(2),$(kiln-wrapper-link),$(kiln-wrapper-refuse-link))
endef

define kiln-wrapper-link-usage
#   $(notdir $(1)) -o app.$(KILN_PLATFORM) foo.o   link a $(KILN_PLATFORM) image
#                                            with the boot shim and the runtime
endef
define kiln-wrapper-compile-usage
# It does not link: $(KILN_ARCH)-kiln-<platform>-cc links images.
endef
define kiln-wrapper-link
ldflags='$(strip $(TARGET_LDFLAGS))'
ldlibs='$(strip $(TARGET_LDLIBS))'
exec $(TARGET_GCC) $$cflags $$ldflags "$$@" $$ldlibs
endef
define kiln-wrapper-refuse-link
echo "$(notdir $(1)): this wrapper compiles only (-c, -S, -E, -M); link images with $(KILN_ARCH)-kiln-<platform>-cc" >&2
exit 2
endef

# Regenerate a wrapper only when its text changes, so that a no-op make
# rebuilds nothing and a changed flag rebuilds every target object (the
# link wrapper: every image). Written whole and executable under a
# temporary name, then renamed: a make killed in between leaves no wrapper
# with the right text that cannot run.
# $(1) the wrapper, $(2) y if it links.
define kiln-wrapper-rule
ifneq ($$(call kiln-file-differs,$(1),$$(call kiln-wrapper-script,$(1),$(2))),)
$(1): FORCE
endif
$(1): | $$(KILN_HOST_CHECKED)
	$$(call kiln-msg,GEN,$$@)
	$$(call kiln-mkdir-now,$$(@D))
	$$(file >$$@.tmp,$$(call kiln-wrapper-script,$(1),$(2)))
	@chmod +x $$@.tmp && mv -f $$@.tmp $$@
endef
$(eval $(call kiln-wrapper-rule,$(TARGET_CC),))
$(eval $(call kiln-wrapper-rule,$(TARGET_LINK_CC),y))
