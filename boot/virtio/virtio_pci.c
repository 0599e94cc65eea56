/*
 * Kiln boot shim, virtio: the legacy virtio-pci transport (virtio 1.x spec
 * 4.1.4.8), through the device's I/O BAR 0.
 *
 * QEMU's virtio-*-pci devices on pc, and on q35's root bus, are
 * transitional: they have both the legacy I/O BAR and the 1.x capabilities.
 * The legacy interface needs no capability walk and no MMIO BAR, and its
 * registers are one port access each. A modern-only device (QEMU's
 * disable-legacy=on, the default behind a PCIe root port) is reported and
 * not driven.
 */
#include "cpu_sys.h"
#include "pci.h"
#include "virtio_dev.h"

#define VIRTIO_PCI_VENDOR 0x1af4
#define VIRTIO_PCI_LEGACY_FIRST 0x1000 /* transitional IDs 0x1000-0x103f */
#define VIRTIO_PCI_LEGACY_LAST 0x103f
#define VIRTIO_PCI_MODERN_BASE 0x1040  /* 0x1040 + virtio device type    */

/* Legacy registers, offsets into BAR 0 (no MSI-X: the shim never enables it). */
#define LEG_DEVICE_FEATURES 0x00 /* 32 */
#define LEG_DRIVER_FEATURES 0x04 /* 32 */
#define LEG_QUEUE_PFN 0x08       /* 32: ring address >> 12           */
#define LEG_QUEUE_SIZE 0x0c      /* 16, read-only                    */
#define LEG_QUEUE_SELECT 0x0e    /* 16                               */
#define LEG_QUEUE_NOTIFY 0x10    /* 16                               */
#define LEG_STATUS 0x12          /* 8                                */
#define LEG_CONFIG 0x14          /* device-specific configuration    */

static uint16_t port(const struct virtio_dev *d, unsigned reg)
{
    return (uint16_t)(d->base + reg);
}

static uint64_t get_features(struct virtio_dev *d)
{
    return cpu_inl(port(d, LEG_DEVICE_FEATURES));
}

static void set_features(struct virtio_dev *d, uint64_t features)
{
    cpu_outl(port(d, LEG_DRIVER_FEATURES), (uint32_t)features);
}

static uint8_t get_status(struct virtio_dev *d)
{
    return cpu_inb(port(d, LEG_STATUS));
}

static void set_status(struct virtio_dev *d, uint8_t status)
{
    cpu_outb(port(d, LEG_STATUS), status);
}

static uint32_t config_read(struct virtio_dev *d, unsigned offset, unsigned width)
{
    uint16_t p = port(d, LEG_CONFIG + offset);
    if (width == 1)
        return cpu_inb(p);
    if (width == 2)
        return cpu_inw(p);
    return cpu_inl(p);
}

/* The legacy device fixes the queue size: usable only if it fits. */
static uint16_t queue_size(struct virtio_dev *d, uint16_t index, uint16_t max)
{
    cpu_outw(port(d, LEG_QUEUE_SELECT), index);
    uint16_t num = cpu_inw(port(d, LEG_QUEUE_SIZE));
    return num <= max ? num : 0;
}

static void queue_enable(struct virtio_dev *d, struct virtq *vq)
{
    cpu_outw(port(d, LEG_QUEUE_SELECT), vq->index);
    cpu_outl(port(d, LEG_QUEUE_PFN), (uint32_t)(virtq_desc_addr(vq) >> 12));
}

static void notify(struct virtio_dev *d, uint16_t index)
{
    cpu_outw(port(d, LEG_QUEUE_NOTIFY), index);
}

static const struct virtio_transport legacy_pci = {
    .get_features = get_features,
    .set_features = set_features,
    .get_status = get_status,
    .set_status = set_status,
    .config_read = config_read,
    .queue_size = queue_size,
    .queue_enable = queue_enable,
    .notify = notify,
};

/* "PCI bb:ss.f" into where. */
static void pci_where(char *where, const struct pci_func *f)
{
    static const char hex[] = "0123456789abcdef";
    const char *prefix = "PCI ";
    int n = 0;

    while (*prefix)
        where[n++] = *prefix++;
    where[n++] = hex[f->bus >> 4];
    where[n++] = hex[f->bus & 15];
    where[n++] = ':';
    where[n++] = hex[f->slot >> 4];
    where[n++] = hex[f->slot & 15];
    where[n++] = '.';
    where[n++] = hex[f->fn];
    where[n] = '\0';
}

static void found(const struct pci_func *f, void *arg)
{
    virtio_add_fn *add = *(virtio_add_fn **)arg;
    struct virtio_dev d = {.t = &legacy_pci};

    if (f->vendor != VIRTIO_PCI_VENDOR)
        return;
    if (f->device >= VIRTIO_PCI_LEGACY_FIRST && f->device <= VIRTIO_PCI_LEGACY_LAST) {
        /* A transitional device's subsystem ID is its virtio type. */
        d.type = (uint16_t)(pci_read32(f, PCI_CFG_SUBSYS) >> 16);
    } else if (f->device > VIRTIO_PCI_MODERN_BASE) {
        d.type = (uint16_t)(f->device - VIRTIO_PCI_MODERN_BASE);
        d.unusable = "a modern-only virtio-pci device; Kiln drives the legacy "
                     "interface (QEMU: add disable-legacy=off, and on q35 put "
                     "the device on pcie.0, not behind a root port)";
    } else {
        return;
    }
    if (d.type != VIRTIO_ID_NET && d.type != VIRTIO_ID_BLOCK)
        return;
    pci_where(d.where, f);

    if (d.unusable == NULL) {
        uint32_t bar0 = pci_read32(f, PCI_CFG_BAR0);
        if (!(bar0 & 1) || (bar0 & 0xfffc) == 0) {
            d.unusable = "its legacy I/O BAR 0 is missing or was not assigned "
                         "by the firmware";
        } else {
            d.base = bar0 & 0xfffc;
            /* Decode the BAR, let the device DMA; no INTx, the shim polls. */
            uint16_t cmd = (uint16_t)pci_read32(f, PCI_CFG_COMMAND);
            pci_write16(f, PCI_CFG_COMMAND,
                        cmd | PCI_COMMAND_IO | PCI_COMMAND_MASTER |
                            PCI_COMMAND_INTX_OFF);
        }
    }
    add(&d);
}

int virtio_pci_find(virtio_add_fn *add)
{
    return pci_scan(found, &add);
}
