# Kiln boot shim for hvt (the KVM tender): sources relative to boot/hvt,
# the shared ones in boot/common and boot/x86_64 (the GDT, IDT and trap
# handler, shared with virtio). Built into libkiln-boot-hvt.a; images are
# linked with hvt.lds (see the comment at its top for the layout).

include $(KILN_TOP)/boot/common/common.mk
include $(KILN_TOP)/boot/x86_64/x86_64.mk

BOOT_HVT_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	$(addprefix ../x86_64/,$(BOOT_X86_64_SOURCES) $(BOOT_X86_64_VM_SOURCES)) \
	block_io.c \
	clock.c \
	net_io.c \
	platform.c \
	start.c \
	yield.c

# The ABI note's (../common/abi_note.c): enum abi_target in kiln/elf_abi.h,
# and HVT_ABI_VERSION of kiln/hvt_abi.h.
BOOT_HVT_ABI_TARGET = 1
BOOT_HVT_ABI_VERSION = 2

BOOT_HVT_CFLAGS += $(BOOT_COMMON_CFLAGS) \
	-DKILN_ABI_TARGET=$(BOOT_HVT_ABI_TARGET) \
	-DKILN_ABI_VERSION=$(BOOT_HVT_ABI_VERSION)
BOOT_HVT_LDSCRIPT = hvt.lds

# make run: kiln-hvt. On a machine whose KVM will not do (none, or one that
# emulates guest instructions), the tender runs in a VM under QEMU with a
# KVM of its own, saying so (scripts/kvm-in-qemu auto); the VM gets the
# guest's memory and 512 MiB for its kernel. make run-nested always does.
BOOT_HVT_RUN_DEPS = $(HOST_BIN)/kiln-hvt
BOOT_HVT_KVM_IN_QEMU = $(KILN_TOP)/scripts/kvm-in-qemu $(1) \
	--mem $$(($(KILN_RUN_MEM) + 512)) --rw $(O) --
# With a net device, kiln-net run goes inside the VM: there it makes the
# tap of the VM's own, saying that the host cannot reach it.
BOOT_HVT_RUN_CMD = $(call BOOT_HVT_KVM_IN_QEMU,auto) $(kiln-run-net) $(call kiln-tender-command,$(HOST_BIN)/kiln-hvt)
BOOT_HVT_RUN_NESTED_CMD = $(call BOOT_HVT_KVM_IN_QEMU,run) $(kiln-run-net) $(call kiln-tender-command,$(HOST_BIN)/kiln-hvt)
# make gdb: kiln-hvt's own gdb stub (--gdb=0: a free port on 127.0.0.1,
# tender/module_gdb.c), with gdb beside it: in the VM too where KVM will
# not do here, and there without a terminal (GDB_ARGS="-batch -x FILE").
BOOT_HVT_GDB_CMD = $(call BOOT_HVT_KVM_IN_QEMU,auto) \
	$(call kiln-gdb-command,tcp,$(call kiln-tender-command,$(HOST_BIN)/kiln-hvt))
