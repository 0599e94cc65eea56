/*
 * Kiln boot shim, virtio: a virtio device, whichever transport it is on.
 *
 * The transports (virtio_pci.c: legacy virtio-pci through the I/O BAR;
 * virtio_mmio.c: virtio-mmio versions 1 and 2) each fill in one table of
 * operations; the drivers (block_io.c, net_io.c) and the common steps
 * (virtio_dev.c) see only these.
 */
#ifndef KILN_VIRTIO_DEV_H
#define KILN_VIRTIO_DEV_H

#include "boot.h"
#include "virtq.h"

/* Virtio device types (DeviceID on virtio-mmio; subsystem ID on PCI). */
#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER 0x02
#define VIRTIO_STATUS_DRIVER_OK 0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_FAILED 0x80

/* Transport-independent feature bits. */
#define VIRTIO_F_EVENT_IDX (1ULL << 29) /* used_event / avail_event     */
#define VIRTIO_F_VERSION_1 (1ULL << 32) /* virtio 1.x (non-legacy) mode */

struct virtio_dev;

struct virtio_transport {
    /* Device features; a legacy transport has only the low 32 bits. */
    uint64_t (*get_features)(struct virtio_dev *d);
    void (*set_features)(struct virtio_dev *d, uint64_t features);
    uint8_t (*get_status)(struct virtio_dev *d);
    void (*set_status)(struct virtio_dev *d, uint8_t status);
    /* A field of the device-specific configuration: width 1, 2 or 4
     * bytes at an offset aligned to it (virtio 1.x asks for such reads). */
    uint32_t (*config_read)(struct virtio_dev *d, unsigned offset,
                            unsigned width);
    /*
     * The size of queue index the device will use, given that the driver
     * supports at most max; 0 if the queue does not exist or cannot be
     * made that small (legacy PCI: the device fixes it).
     */
    uint16_t (*queue_size)(struct virtio_dev *d, uint16_t index, uint16_t max);
    /* Give the device queue index, laid out by virtq_init. */
    void (*queue_enable)(struct virtio_dev *d, struct virtq *vq);
    /* Tell the device queue index has new buffers. */
    void (*notify)(struct virtio_dev *d, uint16_t index);
};

struct virtio_dev {
    const struct virtio_transport *t;
    uintptr_t base;   /* legacy PCI: I/O port base; MMIO: address       */
    uint16_t type;    /* VIRTIO_ID_NET, VIRTIO_ID_BLOCK, or another type */
    uint8_t modern;   /* VERSION_1 in force: virtio 1.x rules apply      */
    /* Where it is, for messages: "PCI 00:10.0", "MMIO 0xfeb00000". */
    char where[24];
    /* Why it cannot be driven, or NULL (checked when it is attached). */
    const char *unusable;
};

/* ---- The transports ------------------------------------------------ */

/*
 * Add every virtio block and net device on PCI (virtio_pci.c) or on
 * microvm's virtio-mmio slots (virtio_mmio.c) to the list through add:
 * PCI in bus, slot, function order; MMIO from the highest address down,
 * the order QEMU fills the slots in. virtio_pci_find returns 0 if the
 * machine has no PCI. virtio_mmio_probe adds the device of one
 * virtio-mmio transport, if it has one of those types.
 */
typedef void virtio_add_fn(const struct virtio_dev *d);
int virtio_pci_find(virtio_add_fn *add);
void virtio_mmio_find(virtio_add_fn *add);
void virtio_mmio_probe(uintptr_t base, virtio_add_fn *add);

/*
 * The machine's devices, in the order that matches the manifest's
 * (discover.c on x86_64: PCI, else microvm's MMIO slots; aarch64/discover.c
 * on virt: the device tree's virtio-mmio transports).
 */
void virtio_discover(virtio_add_fn *add);

/* ---- Steps every driver takes (virtio_dev.c) ----------------------- */

/*
 * Reset the device, acknowledge it and offer the features of want it has
 * (plus VERSION_1 on a virtio 1.x transport); returns the accepted set.
 * Fatal if the device refuses them.
 */
uint64_t virtio_dev_negotiate(struct virtio_dev *d, uint64_t want);

/*
 * Set up queue index, in new ring memory, with at most VIRTQ_MAX_SIZE
 * entries; fatal if the device's queue is missing or larger than that.
 * features: the accepted ones (for EVENT_IDX).
 */
void virtio_dev_queue(struct virtio_dev *d, struct virtq *vq, uint16_t index,
                      uint64_t features);

/* The driver is ready: the device may use the queues from now on. */
void virtio_dev_ready(struct virtio_dev *d);

/* A configuration field of the device: size 1, 2, 4 or 8 bytes. */
uint64_t virtio_dev_config(struct virtio_dev *d, unsigned offset, unsigned size);

/* Notify the device of queue vq's new buffers, if it asked to be told. */
void virtio_dev_kick(struct virtio_dev *d, struct virtq *vq);

/*
 * Busy-wait until the device has used a chain of vq. A device that does
 * not answer within about a minute is stuck: the guest stops with
 * KILN_EXIT_ABORT, naming name (the manifest entry) and what it waited for.
 */
void virtio_dev_wait(struct virtio_dev *d, struct virtq *vq, const char *name,
                     const char *what);

/*
 * Start a message about device d in l: "kiln: virtio <kind> device at
 * <where>". name is its manifest entry's name, or NULL.
 */
void virtio_dev_line(struct kiln_line *l, const struct virtio_dev *d,
                     const char *name);

/*
 * Print "kiln: virtio <kind> device at <where>: <why>" and stop the guest
 * with KILN_EXIT_TENDER_ERROR: what a tender does for a device it cannot
 * attach. Marks the device failed first.
 */
void virtio_dev_fatal(struct virtio_dev *d, const char *why)
    __attribute__((noreturn));

/* The same with a message of its own: l, without its newline. */
void virtio_dev_fatal_line(struct virtio_dev *d, struct kiln_line *l)
    __attribute__((noreturn));

/* ---- The drivers --------------------------------------------------- */

/*
 * Drive d as the device of manifest entry e, whose handle is handle (below
 * MFT_MAX_ENTRIES): set it up, fill in e's properties (block: capacity,
 * block size; net: MAC, MTU) and mark it attached. Fatal if it cannot be
 * driven. d must outlive the driver.
 */
void virtio_blk_attach(struct virtio_dev *d, struct mft_entry *e,
                       solo5_handle_t handle);
void virtio_net_attach(struct virtio_dev *d, struct mft_entry *e,
                       solo5_handle_t handle);

#endif /* KILN_VIRTIO_DEV_H */
