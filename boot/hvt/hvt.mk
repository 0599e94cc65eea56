# Kiln boot shim for hvt (the KVM tender): sources relative to boot/hvt,
# the shared ones in boot/common. Built into libkiln-boot-hvt.a; images are
# linked with hvt.lds (see the comment at its top for the layout).

include $(dir $(lastword $(MAKEFILE_LIST)))../common/common.mk

BOOT_HVT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	abi_note.c \
	block.c \
	clock.c \
	cpu_tables.S \
	net.c \
	platform.c \
	start.c \
	trap.c \
	yield.c

BOOT_HVT_CFLAGS += $(BOOT_COMMON_CFLAGS)
BOOT_HVT_LDSCRIPT = hvt.lds
BOOT_HVT_ABI_TARGET = 1
