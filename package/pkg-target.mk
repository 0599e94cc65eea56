# The target: platform, architecture, and the compiler wrapper that holds the
# shared flags. Every target object is compiled through the wrapper, and a
# user can call it by hand for code outside the tree:
#
#   output/host/bin/x86_64-kiln-hvt-cc -c foo.c          (compile)
#   output/host/bin/x86_64-kiln-hvt-cc -o foo.hvt foo.o  (link an image)

KILN_ARCH := $(call qstrip,$(KILN_ARCH))
KILN_PLATFORM := $(call qstrip,$(KILN_PLATFORM))
KILN_TRIPLET := $(KILN_ARCH)-kiln-$(KILN_PLATFORM)
TARGET_CC := $(HOST_BIN)/$(KILN_TRIPLET)-cc
TARGET_AR := ar
TARGET_OBJCOPY := objcopy
TARGET_STRIP := strip
KILN_LDSCRIPT := $(KILN_TOP)/boot/$(KILN_PLATFORM)/$(KILN_PLATFORM).lds

# The compiler behind the wrapper, and its own freestanding headers
# (stddef.h, stdarg.h, float.h, ...). Read once per output directory.
KILN_GCC_INCLUDE_FILE := $(KILN_GEN_DIR)/gcc-include
KILN_GCC_INCLUDE := $(file <$(KILN_GCC_INCLUDE_FILE))
ifeq ($(KILN_GCC_INCLUDE),)
KILN_GCC_INCLUDE := $(shell gcc -print-file-name=include)
$(shell mkdir -p $(KILN_GEN_DIR))
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
	-fno-pic -fno-pie -mno-red-zone -mcmodel=small \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections \
	-fno-plt -fcf-protection=none \
	-D__kiln__ -D__kiln_$(KILN_PLATFORM)__ \
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

define kiln-wrapper-script
#!/bin/sh
# $(KILN_TRIPLET)-cc: Kiln's C compiler for $(KILN_PLATFORM) unikernels.
# Generated from $(KILN_CONFIG) by `make`; do not edit (run make menuconfig).
#
#   $(KILN_TRIPLET)-cc -c foo.c              compile, with Kiln's target flags
#   $(KILN_TRIPLET)-cc -o app.$(KILN_PLATFORM) foo.o   link an image with the
#                                            boot shim and the runtime
cflags='$(strip $(TARGET_CFLAGS))'
ldflags='$(strip $(TARGET_LDFLAGS))'
ldlibs='$(strip $(TARGET_LDLIBS))'
for arg; do
	case $$arg in
	-c|-S|-E|-M|-MM) exec gcc $$cflags "$$@" ;;
	esac
done
exec gcc $$cflags $$ldflags "$$@" $$ldlibs
endef

# Regenerate the wrapper only when its text changes, so that a no-op make
# rebuilds nothing and a changed flag rebuilds every target object.
ifneq ($(call kiln-file-differs,$(TARGET_CC),$(kiln-wrapper-script)),)
$(TARGET_CC): FORCE
endif
$(TARGET_CC): | $(KILN_HOST_CHECKED)
	$(call kiln-msg,GEN,$@)
	$(call kiln-mkdir-now,$(@D))
	$(file >$@,$(kiln-wrapper-script))
	@chmod +x $@
