# Kiln boot shim for spt (the seccomp process tender): sources relative to
# boot/spt, the shared ones in boot/common and boot/x86_64. Built into
# libkiln-boot-spt.a; images are linked with spt.lds.

include $(KILN_TOP)/boot/common/common.mk
include $(KILN_TOP)/boot/x86_64/x86_64.mk

BOOT_SPT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	$(addprefix ../x86_64/,$(BOOT_X86_64_SOURCES)) \
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

# make run: kiln-spt, a host process.
BOOT_SPT_RUN_DEPS = $(HOST_BIN)/kiln-spt
BOOT_SPT_RUN_CMD = $(kiln-run-net) $(call kiln-tender-command,$(HOST_BIN)/kiln-spt)
# make gdb: gdb runs kiln-spt, the guest inside it; the tender calls
# spt_guest_ready (tender/launch.c) once the image is loaded.
BOOT_SPT_GDB_CMD = $(call kiln-gdb-command,process --ready=spt_guest_ready,$(call kiln-tender-command,$(HOST_BIN)/kiln-spt))
