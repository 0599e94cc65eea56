/*
 * Kiln boot shim, virtio: the virtio-mmio transport (virtio 1.x spec 4.2),
 * version 2 and the legacy version 1, on QEMU's microvm machine (x86_64)
 * and virt board (aarch64).
 *
 * Where the transports are is the machine's (virtio_mmio_probe is called
 * for each, in the order that matches the manifest's): microvm has no PCI
 * and no device tree for the guest, its transports sit at fixed addresses
 * (hw/i386/microvm.c: from 0xfeb00000, one every 512 bytes, 8 of them, or
 * 24 with its second IOAPIC; virtio_mmio_find below); virt lists its 32 in
 * the device tree (aarch64/discover.c). An empty transport reads DeviceID
 * 0; an address with no transport reads something other than the magic
 * value. QEMU's virtio-mmio is legacy (version 1) unless told
 * force-legacy=false.
 *
 * QEMU puts each -device without a bus= on the free transport with the
 * highest address (its bus list is newest first: `info qtree` shows the
 * first virtio-blk-device at 0xfeb00e00 of 8), so the slots are read from
 * the top down: devices are then found in the order they were created,
 * which is the manifest's order (the launcher's contract, as on PCI).
 */
#include "virtio_dev.h"

#define MICROVM_MMIO_BASE 0xfeb00000UL
#define MICROVM_MMIO_STRIDE 0x200UL
#define MICROVM_MMIO_SLOTS 24

#define MMIO_MAGIC_VALUE 0x74726976 /* "virt" */

/* Registers (32-bit), offsets from the transport's base. */
#define REG_MAGIC 0x000
#define REG_VERSION 0x004
#define REG_DEVICE_ID 0x008
#define REG_DEVICE_FEATURES 0x010
#define REG_DEVICE_FEATURES_SEL 0x014
#define REG_DRIVER_FEATURES 0x020
#define REG_DRIVER_FEATURES_SEL 0x024
#define REG_GUEST_PAGE_SIZE 0x028 /* version 1 only */
#define REG_QUEUE_SEL 0x030
#define REG_QUEUE_NUM_MAX 0x034
#define REG_QUEUE_NUM 0x038
#define REG_QUEUE_ALIGN 0x03c     /* version 1 only */
#define REG_QUEUE_PFN 0x040       /* version 1 only */
#define REG_QUEUE_READY 0x044     /* version 2 only */
#define REG_QUEUE_NOTIFY 0x050
#define REG_STATUS 0x070
#define REG_QUEUE_DESC_LOW 0x080  /* version 2 only, to 0x0a4 */
#define REG_QUEUE_DESC_HIGH 0x084
#define REG_QUEUE_DRIVER_LOW 0x090
#define REG_QUEUE_DRIVER_HIGH 0x094
#define REG_QUEUE_DEVICE_LOW 0x0a0
#define REG_QUEUE_DEVICE_HIGH 0x0a4
#define REG_CONFIG 0x100

static volatile uint32_t *reg(const struct virtio_dev *d, unsigned offset)
{
    return (volatile uint32_t *)(d->base + offset);
}

static uint32_t rd(const struct virtio_dev *d, unsigned offset)
{
    return *reg(d, offset);
}

static void wr(struct virtio_dev *d, unsigned offset, uint32_t v)
{
    *reg(d, offset) = v;
}

static uint64_t get_features(struct virtio_dev *d)
{
    wr(d, REG_DEVICE_FEATURES_SEL, 0);
    uint64_t f = rd(d, REG_DEVICE_FEATURES);
    if (d->modern) {
        wr(d, REG_DEVICE_FEATURES_SEL, 1);
        f |= (uint64_t)rd(d, REG_DEVICE_FEATURES) << 32;
    }
    return f;
}

static void set_features(struct virtio_dev *d, uint64_t features)
{
    wr(d, REG_DRIVER_FEATURES_SEL, 0);
    wr(d, REG_DRIVER_FEATURES, (uint32_t)features);
    if (d->modern) {
        wr(d, REG_DRIVER_FEATURES_SEL, 1);
        wr(d, REG_DRIVER_FEATURES, (uint32_t)(features >> 32));
    }
}

static uint8_t get_status(struct virtio_dev *d)
{
    return (uint8_t)rd(d, REG_STATUS);
}

static void set_status(struct virtio_dev *d, uint8_t status)
{
    wr(d, REG_STATUS, status);
}

static uint32_t config_read(struct virtio_dev *d, unsigned offset, unsigned width)
{
    uintptr_t a = d->base + REG_CONFIG + offset;
    if (width == 1)
        return *(volatile uint8_t *)a;
    if (width == 2)
        return *(volatile uint16_t *)a;
    return *(volatile uint32_t *)a;
}

/* The driver picks the size here: the largest power of two both allow. */
static uint16_t queue_size(struct virtio_dev *d, uint16_t index, uint16_t max)
{
    wr(d, REG_QUEUE_SEL, index);
    uint32_t dev_max = rd(d, REG_QUEUE_NUM_MAX);
    if (dev_max == 0)
        return 0;
    uint16_t num = max;
    while (num > dev_max)
        num >>= 1;
    if (num == 0)
        return 0;
    wr(d, REG_QUEUE_NUM, num);
    return num;
}

static void queue_enable(struct virtio_dev *d, struct virtq *vq)
{
    wr(d, REG_QUEUE_SEL, vq->index);
    if (d->modern) {
        uint64_t desc = virtq_desc_addr(vq), avail = virtq_avail_addr(vq),
                 used = virtq_used_addr(vq);
        wr(d, REG_QUEUE_DESC_LOW, (uint32_t)desc);
        wr(d, REG_QUEUE_DESC_HIGH, (uint32_t)(desc >> 32));
        wr(d, REG_QUEUE_DRIVER_LOW, (uint32_t)avail);
        wr(d, REG_QUEUE_DRIVER_HIGH, (uint32_t)(avail >> 32));
        wr(d, REG_QUEUE_DEVICE_LOW, (uint32_t)used);
        wr(d, REG_QUEUE_DEVICE_HIGH, (uint32_t)(used >> 32));
        wr(d, REG_QUEUE_READY, 1);
    } else {
        /* The legacy layout, in pages of 4096 bytes. */
        wr(d, REG_GUEST_PAGE_SIZE, VIRTQ_ALIGN);
        wr(d, REG_QUEUE_ALIGN, VIRTQ_ALIGN);
        wr(d, REG_QUEUE_PFN, (uint32_t)(virtq_desc_addr(vq) / VIRTQ_ALIGN));
    }
}

static void notify(struct virtio_dev *d, uint16_t index)
{
    wr(d, REG_QUEUE_NOTIFY, index);
}

static const struct virtio_transport mmio = {
    .get_features = get_features,
    .set_features = set_features,
    .get_status = get_status,
    .set_status = set_status,
    .config_read = config_read,
    .queue_size = queue_size,
    .queue_enable = queue_enable,
    .notify = notify,
};

/* "MMIO 0xfeb00000" into where (32-bit addresses: microvm's and virt's). */
static void mmio_where(char *where, uintptr_t base)
{
    static const char hex[] = "0123456789abcdef";
    const char *prefix = "MMIO 0x";
    int n = 0;

    while (*prefix)
        where[n++] = *prefix++;
    for (int shift = 28; shift >= 0; shift -= 4)
        where[n++] = hex[(base >> shift) & 15];
    where[n] = '\0';
}

void virtio_mmio_probe(uintptr_t base, virtio_add_fn *add)
{
    struct virtio_dev d = {.t = &mmio, .base = base};

    if (rd(&d, REG_MAGIC) != MMIO_MAGIC_VALUE)
        return;
    d.type = (uint16_t)rd(&d, REG_DEVICE_ID);
    if (d.type != VIRTIO_ID_NET && d.type != VIRTIO_ID_BLOCK)
        return; /* 0: an empty slot */
    mmio_where(d.where, d.base);
    uint32_t version = rd(&d, REG_VERSION);
    if (version == 2)
        d.modern = 1;
    else if (version != 1)
        d.unusable = "an unknown virtio-mmio version (Kiln drives 1 and 2)";
    add(&d);
}

void virtio_mmio_find(virtio_add_fn *add)
{
    for (unsigned i = MICROVM_MMIO_SLOTS; i-- > 0;)
        virtio_mmio_probe(MICROVM_MMIO_BASE + i * MICROVM_MMIO_STRIDE, add);
}
