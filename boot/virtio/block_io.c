/*
 * Kiln boot shim, virtio: block devices on virtio-blk (virtio 1.x spec
 * 5.2), one synchronous request per solo5_block_read/write (the checks are
 * boot/common/block.c's).
 *
 * A request is a chain of three descriptors, always 0, 1, 2: the header
 * (type and sector), the caller's buffer itself (memory is identity-mapped,
 * so no copy), and the status byte; each in its own descriptor, as legacy
 * devices without VIRTIO_F_ANY_LAYOUT require. The driver waits for the
 * device to use the chain before it returns.
 *
 * Features: VIRTIO_F_EVENT_IDX; VIRTIO_BLK_F_RO, which only says the disk
 * is read-only; and VIRTIO_BLK_F_FLUSH, though the driver never sends a
 * flush: a driver without it makes QEMU write through, an fsync per
 * write (4 to 5 times slower under TCG). With it a used write is in the
 * host's page cache, in the file, as a write by hvt's and spt's tenders
 * (pwrite, no fsync) is; solo5.h has no call that asks for more.
 */
#include "devices.h"
#include "virtio_dev.h"

#define SECTOR_SIZE 512     /* virtio-blk's unit, whatever the disk's */

#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_ID_BYTES 20

#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTIO_BLK_F_RO (1ULL << 5)
#define VIRTIO_BLK_F_FLUSH (1ULL << 9)
#define VIRTIO_BLK_CFG_CAPACITY 0 /* u64, in 512-byte sectors */

/* What the device reads (header) and writes (status) for each request. */
struct blk_request {
    uint32_t type;
    uint32_t reserved;
    uint64_t sector;
    volatile uint8_t status;
};

struct blk {
    struct virtio_dev *dev;
    const char *name; /* the manifest entry's */
    struct virtq vq;
    struct blk_request req;
    uint64_t features;
};

/* The driver state of each attached handle. */
static struct blk blks[MFT_MAX_ENTRIES];
static struct blk *blk_by_handle[MFT_MAX_ENTRIES];

/*
 * One request: type at sector, data of len bytes (the device writes it
 * unless type is VIRTIO_BLK_T_OUT). Returns the status byte.
 */
static uint8_t blk_request(struct blk *b, uint32_t type, uint64_t sector,
                           const void *data, uint32_t len, const char *what)
{
    volatile struct virtq_desc *desc = b->vq.desc;

    b->req.type = type;
    b->req.reserved = 0;
    b->req.sector = sector;
    b->req.status = 0xff; /* no device writes this: caught if it never answers */

    desc[0].addr = (uintptr_t)&b->req;
    desc[0].len = 16;
    desc[0].flags = VIRTQ_DESC_F_NEXT;
    desc[0].next = 1;
    desc[1].addr = (uintptr_t)data;
    desc[1].len = len;
    desc[1].flags = VIRTQ_DESC_F_NEXT |
                    (type == VIRTIO_BLK_T_OUT ? 0 : VIRTQ_DESC_F_WRITE);
    desc[1].next = 2;
    desc[2].addr = (uintptr_t)&b->req.status;
    desc[2].len = 1;
    desc[2].flags = VIRTQ_DESC_F_WRITE;
    desc[2].next = 0;

    virtq_publish(&b->vq, 0);
    virtio_dev_kick(b->dev, &b->vq);
    virtio_dev_wait(b->dev, &b->vq, b->name, what);

    uint16_t head;
    uint32_t used_len;
    virtq_take_used(&b->vq, &head, &used_len);
    if (head != 0)
        virtio_dev_fatal(b->dev, "the device used a request the driver never made");
    return b->req.status;
}

/* The error to return for a request's status, said under --solo5:debug. */
static solo5_result_t blk_result(struct blk *b, uint8_t status, const char *what,
                                 solo5_off_t offset)
{
    if (status == VIRTIO_BLK_S_OK)
        return SOLO5_R_OK;
    if (kiln_log_level >= KILN_LOG_DEBUG) {
        struct kiln_line l = {.len = 0};
        virtio_dev_line(&l, b->dev, b->name);
        kiln_line_str(&l, ": ");
        kiln_line_str(&l, what);
        kiln_line_str(&l, " at offset ");
        kiln_line_dec(&l, offset);
        kiln_line_str(&l, status == VIRTIO_BLK_S_IOERR ? " failed (I/O error"
                                                        : " failed (status ");
        if (status != VIRTIO_BLK_S_IOERR)
            kiln_line_dec(&l, status);
        if ((b->features & VIRTIO_BLK_F_RO) && status == VIRTIO_BLK_S_IOERR)
            kiln_line_str(&l, "; the device is read-only");
        kiln_line_str(&l, ")\n");
        kiln_line_flush(&l);
    }
    return SOLO5_R_EUNSPEC;
}

solo5_result_t platform_block_write(const struct mft_entry *e,
                                    solo5_handle_t handle, solo5_off_t offset,
                                    const uint8_t *buf, size_t size)
{
    (void)e;
    struct blk *b = blk_by_handle[handle];
    if (b == NULL)
        return SOLO5_R_EINVAL;
    uint8_t s = blk_request(b, VIRTIO_BLK_T_OUT, offset / SECTOR_SIZE, buf,
                            (uint32_t)size, "a write");
    return blk_result(b, s, "a write", offset);
}

solo5_result_t platform_block_read(const struct mft_entry *e,
                                   solo5_handle_t handle, solo5_off_t offset,
                                   uint8_t *buf, size_t size)
{
    (void)e;
    struct blk *b = blk_by_handle[handle];
    if (b == NULL)
        return SOLO5_R_EINVAL;
    uint8_t s = blk_request(b, VIRTIO_BLK_T_IN, offset / SECTOR_SIZE, buf,
                            (uint32_t)size, "a read");
    return blk_result(b, s, "a read", offset);
}

/*
 * The launcher names each disk after its manifest entry (QEMU's serial=):
 * if the device says its serial, it must be that name (at most the 20
 * bytes a virtio-blk ID holds). A device without one is taken as it is.
 */
static void blk_check_id(struct blk *b, const struct mft_entry *e)
{
    static uint8_t id[VIRTIO_BLK_ID_BYTES];

    for (unsigned i = 0; i < VIRTIO_BLK_ID_BYTES; i++)
        id[i] = 0;
    uint8_t s = blk_request(b, VIRTIO_BLK_T_GET_ID, 0, id, sizeof id,
                            "a GET_ID request");
    if (s != VIRTIO_BLK_S_OK || id[0] == 0)
        return; /* no serial to check */

    unsigned i = 0;
    while (i < VIRTIO_BLK_ID_BYTES && e->name[i] != '\0' && e->name[i] == (char)id[i])
        i++;
    if (i == VIRTIO_BLK_ID_BYTES || (e->name[i] == '\0' && id[i] == 0))
        return;

    struct kiln_line l = {.len = 0};
    char serial[VIRTIO_BLK_ID_BYTES + 1];
    for (i = 0; i < VIRTIO_BLK_ID_BYTES; i++)
        serial[i] = (char)(id[i] >= 0x20 && id[i] < 0x7f ? id[i] : (id[i] ? '?' : 0));
    serial[VIRTIO_BLK_ID_BYTES] = '\0';
    virtio_dev_line(&l, b->dev, NULL);
    kiln_line_str(&l, " is \"");
    kiln_line_str(&l, serial);
    kiln_line_str(&l, "\" (its serial), but the manifest's block device in its "
                      "place is \"");
    kiln_line_str(&l, e->name);
    kiln_line_str(&l, "\": give QEMU the block devices in manifest order, each "
                      "with serial=<its manifest name>");
    virtio_dev_fatal_line(b->dev, &l);
}

void virtio_blk_attach(struct virtio_dev *d, struct mft_entry *e,
                       solo5_handle_t handle)
{
    struct blk *b = &blks[handle];
    b->dev = d;
    b->name = e->name;
    b->features = virtio_dev_negotiate(
        d, VIRTIO_F_EVENT_IDX | VIRTIO_BLK_F_RO | VIRTIO_BLK_F_FLUSH);
    /* Only descriptors 0-2 are used, so any queue size from 4 up will do. */
    virtio_dev_queue(d, &b->vq, 0, b->features);
    uint64_t sectors = virtio_dev_config(d, VIRTIO_BLK_CFG_CAPACITY, 8);
    virtio_dev_ready(d);
    blk_check_id(b, e);

    blk_by_handle[handle] = b;
    e->u.block_basic.capacity = sectors * SECTOR_SIZE;
    e->u.block_basic.block_size = SECTOR_SIZE;
    e->attached = true;
    if (kiln_log_level >= KILN_LOG_DEBUG) {
        struct kiln_line l = {.len = 0};
        virtio_dev_line(&l, d, e->name);
        kiln_line_str(&l, ": ");
        kiln_line_dec(&l, sectors * SECTOR_SIZE);
        kiln_line_str(&l, " bytes");
        if (b->features & VIRTIO_BLK_F_RO)
            kiln_line_str(&l, ", read-only");
        kiln_line_str(&l, d->modern ? ", virtio 1.x" : ", legacy");
        if (b->features & VIRTIO_F_EVENT_IDX)
            kiln_line_str(&l, ", event index");
        kiln_line_str(&l, "\n");
        kiln_line_flush(&l);
    }
}
