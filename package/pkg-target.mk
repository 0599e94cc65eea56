# The target: platform, architecture, and the compiler wrapper that holds the
# shared flags. Every target object is compiled through the wrapper, and a
# user can call it by hand for code outside the tree:
#
#   output/host/bin/x86_64-kiln-hvt-cc -c foo.c          (compile)
#   output/host/bin/x86_64-kiln-hvt-cc -o foo.hvt foo.o  (link an image)
#   output/host/bin/x86_64-kiln-hvt-cc --kiln-flags      (show the flags)

KILN_ARCH := $(call qstrip,$(KILN_ARCH))
KILN_PLATFORM := $(call qstrip,$(KILN_PLATFORM))
KILN_TRIPLET := $(KILN_ARCH)-kiln-$(KILN_PLATFORM)
include $(KILN_TOP)/boot/$(KILN_ARCH)/toolchain.mk

# Two wrappers (C programs, below). TARGET_CC, $(KILN_ARCH)-kiln-cc,
# compiles: it holds the flags of the architecture and the configuration,
# not the platform's, so that every package object is compiled once per
# architecture and configuration and switching platform (hvt_defconfig to
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
# The platform's linker script: boot/<platform>/<arch>/<platform>.lds where
# the platform has one per architecture (virtio), else boot/<platform>/<platform>.lds.
KILN_LDSCRIPT := $(or $(wildcard $(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_ARCH)/$(KILN_PLATFORM).lds),$(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).lds)

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

# Reproducible images: the same configuration built from any clone, into
# any output folder, gives the same bytes. The debug information and
# __FILE__ name the tree /kiln and the output folder /kiln-output, not where
# they are (GCC tries the last map first, so an output folder inside the
# tree is /kiln-output); README.md, "Reproducible images and debugging
# them", has the gdb commands that find the sources again. Anything that embeds a time (__DATE__, __TIME__)
# takes SOURCE_DATE_EPOCH: the user's, else the date of the tree's last
# commit, else 0.
KILN_PATH_MAP_CFLAGS := -ffile-prefix-map=$(KILN_TOP)=/kiln -ffile-prefix-map=$(O)=/kiln-output
SOURCE_DATE_EPOCH ?= $(or $(shell git -C $(KILN_TOP) log -1 --format=%ct 2>/dev/null),0)
export SOURCE_DATE_EPOCH

# Flags every target object gets (in the wrapper). Frame pointers
# (FRAME_POINTERS) are what the guest's backtraces walk
# (boot/common/backtrace.c). Stack clash protection
# probes large frames page by page, so none jumps over the guard page below
# the stack (boot/include/kiln/kiln_abi.h). The host compiler's
# Linux and Unix macros are undefined: a unikernel has no unistd.h, and
# portable libraries that see __linux__ reach for it. The path map makes
# an object the same from any folder. Per-component flags
# (warnings, -ffreestanding for the runtime, -mgeneral-regs-only for code
# that must stay off SSE) are added by the infrastructure on top.
TARGET_CFLAGS := \
	-std=gnu11 -pipe \
	$(call qstrip,$(KILN_OPTIMIZE)) \
	$(if $(KILN_DEBUG_INFO),-g) \
	$(if $(KILN_FRAME_POINTERS),-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -DKILN_FRAME_POINTERS=1) \
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
	$(KILN_PATH_MAP_CFLAGS) \
	$(call qstrip,$(KILN_EXTRA_CFLAGS))

# What a compile that makes code (-c, -S) adds, and a preprocessing one
# (-E, -M) does not: the flags that make an object compiled on a distcc
# helper the local one (package/pkg-distcc.mk; -fdirectives-only would
# leave -E's output with its macros unexpanded).
TARGET_CODE_CFLAGS := $(KILN_DISTRIBUTABLE_CFLAGS)

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

# The wrappers are one C program, scripts/cc-wrapper/cc-wrapper.c, built
# once per wrapper with its flags compiled in from a generated source: a
# compile through it is one exec (a shell script cost a shell per compile).
# The generated source holds each flag as make splits it, the way the shell
# split the flags of the script this replaces.
KILN_CC_WRAPPER_DIR := $(KILN_TOP)/scripts/cc-wrapper
kiln-c-string = "$(subst ",\",$(subst \,\\,$(1)))"
kiln-c-words = { $(foreach w,$(1),$(call kiln-c-string,$(w)),) NULL }

# The generated source of a wrapper. $(1) the wrapper, $(2) y if it links images too.
define kiln-wrapper-source
/* $(notdir $(1)): generated from .config by `make`; do not edit (run make menuconfig). */
#include <stddef.h>
#include "cc-wrapper.h"
const char kiln_cc_name[] = "$(notdir $(1))";
const char kiln_cc_compiler[] = $(call kiln-c-string,$(TARGET_GCC));
const char *const kiln_cc_launcher[] = $(call kiln-c-words,$(KILN_CC_LAUNCHER));
const char *const kiln_cc_cflags[] = $(call kiln-c-words,$(TARGET_CFLAGS));
const char *const kiln_cc_code_cflags[] = $(call kiln-c-words,$(TARGET_CODE_CFLAGS));
const int kiln_cc_links = $(if $(2),1,0);
const char *const kiln_cc_ldflags[] = $(call kiln-c-words,$(if $(2),$(TARGET_LDFLAGS)));
const char *const kiln_cc_ldlibs[] = $(call kiln-c-words,$(if $(2),$(TARGET_LDLIBS)));
const char kiln_cc_link_hint[] = "$(KILN_ARCH)-kiln-<platform>-cc";
endef

# Regenerate a wrapper's source only when its text changes, so that a no-op
# make rebuilds nothing and a changed flag rebuilds the wrapper and so every
# target object (the link wrapper: every image). Source and wrapper are each
# written whole under a temporary name, then renamed: a make killed in
# between leaves no file with the right name and the wrong content.
# $(1) the wrapper, $(2) y if it links.
define kiln-wrapper-rule
ifneq ($$(call kiln-file-differs,$(BUILD_DIR)/.toolchain/$(notdir $(1)).c,$$(call kiln-wrapper-source,$(1),$(2))),)
$(BUILD_DIR)/.toolchain/$(notdir $(1)).c: FORCE
endif
$(BUILD_DIR)/.toolchain/$(notdir $(1)).c:
	$$(call kiln-mkdir-now,$$(@D))
	$$(file >$$@.tmp,$$(call kiln-wrapper-source,$(1),$(2)))
	@mv -f $$@.tmp $$@
$(1): $(BUILD_DIR)/.toolchain/$(notdir $(1)).c $(KILN_CC_WRAPPER_DIR)/cc-wrapper.c \
		$(KILN_CC_WRAPPER_DIR)/cc-wrapper.h | $$(KILN_HOST_CHECKED)
	$$(call kiln-msg,HOSTCC,$$@)
	@mkdir -p $$(@D)
	$(Q)$$(HOSTCC) $$(HOST_CFLAGS_ALL) -I$(KILN_CC_WRAPPER_DIR) -o $$@.tmp \
		$(KILN_CC_WRAPPER_DIR)/cc-wrapper.c $(BUILD_DIR)/.toolchain/$(notdir $(1)).c
	@mv -f $$@.tmp $$@
endef
$(eval $(call kiln-wrapper-rule,$(TARGET_CC),))
$(eval $(call kiln-wrapper-rule,$(TARGET_LINK_CC),y))
