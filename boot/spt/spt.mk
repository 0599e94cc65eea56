# Kiln boot shim for spt (the seccomp process tender): sources relative to
# boot/spt, the shared ones in boot/common. Built into libkiln-boot-spt.a;
# images are linked with spt.lds.

include $(dir $(lastword $(MAKEFILE_LIST)))../common/common.mk

BOOT_SPT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	block_io.c \
	clock.c \
	net_io.c \
	platform.c \
	start.c \
	yield.c

# The ABI note's (../common/abi_note.c): enum abi_target in kiln/elf_abi.h,
# and SPT_ABI_VERSION of kiln/spt_abi.h.
BOOT_SPT_ABI_TARGET = 2
BOOT_SPT_ABI_VERSION = 2

BOOT_SPT_CFLAGS += $(BOOT_COMMON_CFLAGS) \
	-DKILN_ABI_TARGET=$(BOOT_SPT_ABI_TARGET) \
	-DKILN_ABI_VERSION=$(BOOT_SPT_ABI_VERSION)
BOOT_SPT_LDSCRIPT = spt.lds
