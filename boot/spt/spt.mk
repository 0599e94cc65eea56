# Kiln boot shim for spt (the seccomp process tender): sources relative to
# boot/spt, the shared ones in boot/common. Built into libkiln-boot-spt.a;
# images are linked with spt.lds.

include $(dir $(lastword $(MAKEFILE_LIST)))../common/common.mk

BOOT_SPT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	abi_note.c \
	block.c \
	clock.c \
	net.c \
	platform.c \
	start.c \
	yield.c

BOOT_SPT_CFLAGS += $(BOOT_COMMON_CFLAGS)
BOOT_SPT_LDSCRIPT = spt.lds
BOOT_SPT_ABI_TARGET = 2
