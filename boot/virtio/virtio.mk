# Kiln boot shim for virtio (QEMU pc/q35/microvm, PVH and multiboot
# loaders): sources relative to boot/virtio, the shared ones in boot/common
# and boot/x86_64. Built into libkiln-boot-virtio.a; images are linked with
# virtio.lds (see the comment at its top for the layout).

include $(KILN_TOP)/boot/common/common.mk
include $(KILN_TOP)/boot/x86_64/x86_64.mk

# The core: entry and start-up, memory, console, clocks, halt.
BOOT_VIRTIO_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	$(addprefix ../x86_64/,$(BOOT_X86_64_SOURCES) $(BOOT_X86_64_VM_SOURCES)) \
	alloc.c \
	clock.c \
	entry32.S \
	memmap.c \
	paging.c \
	platform.c \
	rtc.c \
	serial.c \
	start.c \
	tsc.c \
	yield.c

# The ABI note's (../common/abi_note.c): enum abi_target in kiln/elf_abi.h.
BOOT_VIRTIO_ABI_TARGET = 3
BOOT_VIRTIO_ABI_VERSION = 1

BOOT_VIRTIO_CFLAGS += $(BOOT_COMMON_CFLAGS) \
	-DKILN_ABI_TARGET=$(BOOT_VIRTIO_ABI_TARGET) \
	-DKILN_ABI_VERSION=$(BOOT_VIRTIO_ABI_VERSION)
BOOT_VIRTIO_LDSCRIPT = virtio.lds

# make run: boot/virtio/kiln-qemu, which takes a tender's options and boots
# the image on the configured QEMU machine, under KVM where /dev/kvm is a
# hardware one and TCG otherwise.
BOOT_VIRTIO_RUN_DEPS =
BOOT_VIRTIO_QEMU = $(KILN_TOP)/boot/virtio/kiln-qemu --machine=$(call qstrip,$(KILN_VIRTIO_QEMU_MACHINE))
BOOT_VIRTIO_RUN_CMD = $(kiln-run-net) $(call kiln-tender-command,$(BOOT_VIRTIO_QEMU))
# make gdb: QEMU's own gdb stub on a unix socket (kiln-qemu --gdb=SOCKET),
# the guest stopped before its first instruction.
BOOT_VIRTIO_GDB_CMD = $(call kiln-gdb-command,unix,$(call kiln-tender-command,$(BOOT_VIRTIO_QEMU)))

# virtio devices: PCI and virtio-mmio discovery, the transports, the
# virtqueues and the block and net drivers (devices.c attaches them to the
# manifest).
BOOT_VIRTIO_SOURCES += \
	block_io.c \
	devices.c \
	net_io.c \
	pci.c \
	virtio_dev.c \
	virtio_mmio.c \
	virtio_pci.c \
	virtq.c
