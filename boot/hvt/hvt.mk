# Kiln boot shim for hvt (the KVM tender): sources relative to boot/hvt,
# the shared ones in boot/common. Built into libkiln-boot-hvt.a; images are
# linked with hvt.lds (see the comment at its top for the layout).

include $(dir $(lastword $(MAKEFILE_LIST)))../common/common.mk

BOOT_HVT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	block_io.c \
	clock.c \
	cpu_tables.S \
	net_io.c \
	platform.c \
	start.c \
	trap.c \
	yield.c

# The ABI note's (../common/abi_note.c): enum abi_target in kiln/elf_abi.h,
# and HVT_ABI_VERSION of kiln/hvt_abi.h.
BOOT_HVT_ABI_TARGET = 1
BOOT_HVT_ABI_VERSION = 2

BOOT_HVT_CFLAGS += $(BOOT_COMMON_CFLAGS) \
	-DKILN_ABI_TARGET=$(BOOT_HVT_ABI_TARGET) \
	-DKILN_ABI_VERSION=$(BOOT_HVT_ABI_VERSION)
BOOT_HVT_LDSCRIPT = hvt.lds

# make run: on a machine whose KVM will not do (none, or one that emulates
# guest instructions), the tender runs in a VM under QEMU with a KVM of its
# own, saying so (scripts/kvm-in-qemu auto); the VM gets the guest's memory
# and 512 MiB for its kernel.
BOOT_HVT_RUN_WRAPPER = $(KILN_TOP)/scripts/kvm-in-qemu auto \
	--mem $$(($(KILN_RUN_MEM) + 512)) --rw $(O) --
