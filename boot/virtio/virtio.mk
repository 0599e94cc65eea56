# Kiln boot shim for virtio: sources relative to boot/virtio, the shared
# ones in boot/common and boot/<arch>. Built into libkiln-boot-virtio.a.
#
#   x86_64   QEMU pc/q35/microvm, PVH and multiboot loaders: the files at
#            the top of boot/virtio; images are linked with virtio.lds.
#   aarch64  QEMU's virt board: boot/virtio/aarch64/ (entry, device tree,
#            PL011, PL031, halt); images are linked with
#            aarch64/virtio.lds (package/pkg-target.mk picks
#            boot/<platform>/<arch>/<platform>.lds where there is one).
# See the comment at the top of each linker script for the layout.

include $(KILN_TOP)/boot/common/common.mk

# The ABI note's (../common/abi_note.c): enum abi_target in kiln/elf_abi.h.
BOOT_VIRTIO_ABI_TARGET = 3
BOOT_VIRTIO_ABI_VERSION = 1

BOOT_VIRTIO_CFLAGS += $(BOOT_COMMON_CFLAGS) \
	-DKILN_ABI_TARGET=$(BOOT_VIRTIO_ABI_TARGET) \
	-DKILN_ABI_VERSION=$(BOOT_VIRTIO_ABI_VERSION)

# The virtio drivers every machine shares: the virtqueues, the steps every
# driver takes, the block and net drivers, and devices.c, which attaches
# them to the manifest (a machine's discover.c says where they are).
BOOT_VIRTIO_DEVICE_SOURCES = \
	block_io.c \
	devices.c \
	net_io.c \
	virtio_dev.c \
	virtq.c

ifeq ($(KILN_ARCH),aarch64)
include $(KILN_TOP)/boot/aarch64/aarch64.mk

# The core: entry and start-up, the device tree, console, clocks, halt.
BOOT_VIRTIO_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES) fdt.c) \
	$(addprefix ../aarch64/,$(BOOT_AARCH64_SOURCES) $(BOOT_AARCH64_EL1_SOURCES)) \
	aarch64/clock.c \
	aarch64/dtb.c \
	aarch64/entry.S \
	aarch64/pl011.c \
	aarch64/platform.c \
	aarch64/start.c \
	alloc.c \
	manifest.c \
	yield.c

# virtio devices: the device tree's virtio-mmio transports.
BOOT_VIRTIO_SOURCES += \
	aarch64/discover.c \
	$(BOOT_VIRTIO_DEVICE_SOURCES) \
	virtio_mmio.c
BOOT_VIRTIO_CFLAGS += $(BOOT_AARCH64_CFLAGS)
BOOT_VIRTIO_INCLUDES += $(KILN_TOP)/boot/virtio $(KILN_TOP)/boot/virtio/aarch64
BOOT_VIRTIO_LDSCRIPT = aarch64/virtio.lds

else
include $(KILN_TOP)/boot/x86_64/x86_64.mk

# The core: entry and start-up, memory, console, clocks, halt.
BOOT_VIRTIO_SOURCES = \
	$(addprefix ../common/,$(BOOT_COMMON_SOURCES)) \
	$(addprefix ../x86_64/,$(BOOT_X86_64_SOURCES) $(BOOT_X86_64_VM_SOURCES)) \
	alloc.c \
	clock.c \
	entry32.S \
	manifest.c \
	memmap.c \
	paging.c \
	platform.c \
	rtc.c \
	serial.c \
	start.c \
	tsc.c \
	yield.c
BOOT_VIRTIO_LDSCRIPT = virtio.lds

# virtio devices: PCI and virtio-mmio discovery, the transports, the
# virtqueues and the block and net drivers (devices.c attaches them to the
# manifest).
BOOT_VIRTIO_SOURCES += \
	$(BOOT_VIRTIO_DEVICE_SOURCES) \
	discover.c \
	pci.c \
	virtio_mmio.c \
	virtio_pci.c
endif

# make run: boot/virtio/kiln-qemu, which takes a tender's options and boots
# the image on the configured QEMU machine, under KVM where /dev/kvm is a
# hardware one and TCG otherwise (always TCG for virt on this x86_64 host).
BOOT_VIRTIO_RUN_DEPS =
BOOT_VIRTIO_QEMU = $(KILN_TOP)/boot/virtio/kiln-qemu --machine=$(call qstrip,$(KILN_VIRTIO_QEMU_MACHINE))
BOOT_VIRTIO_RUN_CMD = $(kiln-run-net) $(call kiln-tender-command,$(BOOT_VIRTIO_QEMU))
# make gdb: QEMU's own gdb stub on a unix socket (kiln-qemu --gdb=SOCKET),
# the guest stopped before its first instruction.
BOOT_VIRTIO_GDB_CMD = $(call kiln-gdb-command,unix,$(call kiln-tender-command,$(BOOT_VIRTIO_QEMU)))
