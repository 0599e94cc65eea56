/*
 * Kiln boot shim, virtio: what the platform's parts (start-up, console,
 * clocks, devices) provide each other. The devices' and the memory
 * allocator's parts are shared by both architectures; the x86_64
 * machines' start-up, console and clocks are below them (aarch64's virt
 * board has its own in aarch64/virt.h).
 */
#ifndef KILN_VIRTIO_H
#define KILN_VIRTIO_H

#include "boot.h"

/* ---- Devices (devices.c) ------------------------------------------- */

/*
 * Find the virtio block and net devices (PCI on pc/q35, MMIO on microvm
 * and on aarch64's virt: virtio_discover, virtio_dev.h),
 * set them up and attach each to the manifest entry of its type in the
 * same position: the k-th block device to the k-th block entry. Called
 * once at boot, before the application; fatal on a device it cannot drive.
 */
void virtio_attach_devices(struct mft *mft, const char *cmdline);

/*
 * Without blocking: set bit (1 << handle) in *ready for each net device
 * with a received frame waiting; nonzero if there is any.
 */
int virtio_poll(solo5_handle_set_t *ready);

/*
 * A writable copy of the image's manifest note (manifest.c), checked as a
 * tender checks it (boot/tender/mft.c), every entry not attached yet; the
 * guest stops with a message when it is invalid.
 */
struct mft *virtio_mft_copy(void);

/* ---- Core: start-up, memory, console, clocks ------------------------ */

/*
 * Memory (alloc.c): zeroed, page-aligned pages just past the image, for
 * the start-up's page tables and the devices' queues. Identity mapped
 * (virtual = physical, what a device's DMA needs), read-write, not
 * executable. Only until the application starts: the boot thread's TLS
 * and the heap come after the last page handed out. Fatal when the pages
 * would reach the stack guard.
 */
void *virtio_alloc_pages(size_t npages);

/*
 * What the loader said (memmap.c): the command line (a copy, the
 * application's arguments only) and the RAM from 0 to mem_size (the end of
 * the RAM region that holds 1 MiB, page aligned, below the device window).
 */
struct virtio_boot_info {
    const char *cmdline;
    uint64_t mem_size;
    const char *loader;      /* "PVH" or "multiboot", for --solo5:debug */
    uint64_t ram_start;      /* the RAM region mem_size ends, as given  */
    uint64_t ram_end;
};
void virtio_boot_info_read(uint32_t eax, uint32_t ebx,
                           struct virtio_boot_info *bi);

/*
 * Physical addresses from here to 4 GiB are mapped for devices (paging.c):
 * read-write, uncached, not executable; PCI BARs, virtio-mmio, the APICs.
 * Below it, only RAM up to mem_size is mapped. Nothing above 4 GiB is.
 */
#define VIRTIO_DEVICE_WINDOW 0xb0000000UL

/*
 * The final page tables (paging.c): page 0, the stack guard and what is
 * neither RAM nor the device window unmapped; text read-only, rodata
 * read-only and not executable, the rest of RAM read-write, not executable.
 */
void virtio_paging_init(uint64_t mem_size,
                        const struct kiln_stack_layout *stack);

/* The 16550 UART at COM1 (serial.c): 115200 8N1, no interrupts. */
void virtio_serial_init(void);

/* Remember the TSC at boot: monotonic time counts from here (clock.c). */
void virtio_clock_init(void);

/*
 * The TSC's frequency in Hz (tsc.c), found on first use: the hypervisor's
 * word for it (CPUID 0x40000010, KVM's clock), CPUID 0x15, or else
 * measured against the PIT for 10 ms. *source names which.
 */
uint64_t virtio_tsc_hz(const char **source);

/* Seconds since 1970 from the CMOS clock (rtc.c); -1 if there is none. */
int virtio_rtc_seconds(uint64_t *seconds);

#endif /* KILN_VIRTIO_H */
