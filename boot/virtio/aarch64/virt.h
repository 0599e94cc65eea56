/*
 * Kiln boot shim, virtio on aarch64 (QEMU's virt board): what the board's
 * parts (start-up, device tree, console, clocks, halt) provide each other.
 */
#ifndef KILN_VIRT_H
#define KILN_VIRT_H

#include "boot.h"

/*
 * QEMU's virt memory map (hw/arm/virt.c, base_memmap), for what is needed
 * before the device tree is read, and where the tree is when no loader
 * says: a non-Linux -kernel image gets it at the start of RAM.
 */
#define VIRT_PL011_BASE 0x09000000UL
#define VIRT_RAM_START 0x40000000UL
#define VIRT_DTB_MAX (2UL * 1024 * 1024) /* what virt.lds leaves it */

/* Devices from here up to the start of RAM are mapped uncached (start.c):
 * the GIC, UART, RTC, virtio-mmio transports, PCIe windows. */
#define VIRT_DEVICE_WINDOW 0x08000000UL

#define VIRT_MMIO_MAX 32 /* virtio-mmio transports read from the tree */

enum virt_psci_conduit { VIRT_PSCI_NONE, VIRT_PSCI_HVC, VIRT_PSCI_SMC };

/* What the device tree says (dtb.c). */
struct virt_info {
    uint64_t ram_start, ram_size;   /* the first memory node's first range */
    const char *bootargs;           /* /chosen/bootargs, or ""             */
    uint32_t bootargs_len;          /* its length, NUL excluded            */
    uint64_t pl011, pl031;          /* bases; 0: none in the tree          */
    enum virt_psci_conduit psci;
    uint64_t mmio[VIRT_MMIO_MAX];   /* virtio,mmio transports, tree order  */
    unsigned mmio_count;
};

/*
 * Read the tree at dtb (avail bytes readable); fatal, naming the fault,
 * when it is malformed or lacks memory.
 */
void virt_dtb_read(const void *dtb, uint64_t avail, struct virt_info *info);

/* What it said, read once at boot (start.c). */
extern struct virt_info virt_info;

/* The console's base (pl011.c), the RTC's (clock.c), PSCI's conduit (platform.c). */
void virt_console_use(uintptr_t base);
void virt_rtc_use(uintptr_t base);
extern enum virt_psci_conduit virt_psci;

/* Linker-script symbols (virt.lds): the segments the MMU maps. */
extern char __kiln_text_start[], __kiln_rodata_start[], __kiln_data_start[];

#endif /* KILN_VIRT_H */
