/*
 * Kiln boot shim, virtio: network devices on virtio-net (virtio 1.x spec
 * 5.1), and virtio_poll for solo5_yield (the checks are boot/common/net.c's).
 *
 * Each buffer is one 1536-byte slot: the virtio_net_hdr at its start, the
 * frame from byte 16; a chain of two descriptors points at the two parts,
 * since legacy devices without VIRTIO_F_ANY_LAYOUT want the header in a
 * descriptor of its own. Descriptors 2s and 2s+1 always belong to slot s.
 *
 * Receive queue (0): every slot is given to the device at start-up and
 * again as soon as its frame is copied out, so the device always has
 * room. Transmit queue (1): a frame is copied into a free slot and the
 * call returns; slots the device has used are taken back on the next
 * write. No feature but MAC, MTU and EVENT_IDX: no offloads, no merged
 * buffers, so the header is the legacy 10 bytes (12 under virtio 1.x) and
 * all zero on transmit.
 *
 * The MTU is 1500, the most the buffers hold, or less if the device says
 * so (VIRTIO_NET_F_MTU: QEMU's host_mtu=; a launcher that gives it the
 * tap's MTU makes the guest see what hvt's and spt's tenders report).
 */
#include "devices.h"
#include "virtio.h"
#include "virtio_dev.h"

#define NET_RX_SLOTS 64    /* frames the device can hold for the guest  */
#define NET_TX_SLOTS 16    /* frames in flight to the device            */
#define NET_SLOT_SIZE 1536
#define NET_FRAME_OFFSET 16
#define NET_MTU 1500
#define NET_FRAME_MAX (NET_MTU + SOLO5_NET_HLEN)

#define VIRTIO_NET_F_MTU (1ULL << 3)
#define VIRTIO_NET_F_MAC (1ULL << 5)
#define VIRTIO_NET_CFG_MAC 0  /* 6 bytes                        */
#define VIRTIO_NET_CFG_MTU 10 /* u16, with VIRTIO_NET_F_MTU only */

#define NET_RX_QUEUE 0
#define NET_TX_QUEUE 1

/* A device's buffers: 120 KiB from virtio_alloc_pages. */
struct net_mem {
    uint8_t rx[NET_RX_SLOTS][NET_SLOT_SIZE];
    uint8_t tx[NET_TX_SLOTS][NET_SLOT_SIZE];
};

struct net {
    struct virtio_dev *dev;
    const char *name; /* the manifest entry's */
    solo5_handle_t handle;
    struct virtq rx, tx;
    uint16_t rx_slots, tx_slots; /* as many as the queues have room for */
    uint16_t hdr_len;            /* 10, or 12 under virtio 1.x */
    uint16_t tx_free_count;
    uint16_t tx_free[NET_TX_SLOTS];
    struct net_mem *mem;
};

/* The driver state of each attached handle; the attached ones in order. */
static struct net nets[MFT_MAX_ENTRIES];
static struct net *net_by_handle[MFT_MAX_ENTRIES];
static struct net *net_list[MFT_MAX_ENTRIES];
static unsigned net_count;

/* Copy n bytes: whole quadwords in one instruction, then the rest. */
static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n)
{
    kiln_memcpy_qwords(dst, src, n / 8);
    for (size_t i = n & ~(size_t)7; i < n; i++)
        dst[i] = src[i];
}

static void rx_give(struct net *n, uint16_t slot)
{
    volatile struct virtq_desc *desc = n->rx.desc;
    uintptr_t buf = (uintptr_t)n->mem->rx[slot];
    uint16_t head = (uint16_t)(2 * slot);

    desc[head].addr = buf;
    desc[head].len = n->hdr_len;
    desc[head].flags = VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT;
    desc[head].next = (uint16_t)(head + 1);
    desc[head + 1].addr = buf + NET_FRAME_OFFSET;
    desc[head + 1].len = NET_FRAME_MAX;
    desc[head + 1].flags = VIRTQ_DESC_F_WRITE;
    desc[head + 1].next = 0;
    virtq_publish(&n->rx, head);
}

/* A used chain whose head is no slot's: the device is broken. */
static uint16_t slot_of(struct net *n, uint16_t head, uint16_t slots)
{
    if ((head & 1) || head / 2 >= slots)
        virtio_dev_fatal(n->dev, "the device used a buffer the driver never gave it");
    return head / 2;
}

/* Take back the transmit slots the device is done with. */
static void tx_reclaim(struct net *n)
{
    uint16_t head;
    uint32_t len;

    while (virtq_take_used(&n->tx, &head, &len)) {
        uint16_t slot = slot_of(n, head, n->tx_slots);
        if (n->tx_free_count == n->tx_slots)
            virtio_dev_fatal(n->dev, "the device gave a frame back twice");
        n->tx_free[n->tx_free_count++] = slot;
    }
}

solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size)
{
    (void)e;
    struct net *n = net_by_handle[handle];
    if (n == NULL || size > NET_FRAME_MAX)
        return SOLO5_R_EINVAL;

    tx_reclaim(n);
    if (n->tx_free_count == 0) {
        virtio_dev_wait(n->dev, &n->tx, n->name, "a frame to send");
        tx_reclaim(n);
    }
    uint16_t slot = n->tx_free[--n->tx_free_count];
    uint16_t head = (uint16_t)(2 * slot);
    copy_bytes(n->mem->tx[slot] + NET_FRAME_OFFSET, buf, size);
    n->tx.desc[head + 1].len = (uint32_t)size;
    virtq_publish(&n->tx, head);
    virtio_dev_kick(n->dev, &n->tx);
    return SOLO5_R_OK;
}

/*
 * A frame longer than size is cut to size, as a tap's read(2) cuts it
 * under hvt and spt.
 */
solo5_result_t platform_net_read(const struct mft_entry *e,
                                 solo5_handle_t handle, uint8_t *buf,
                                 size_t size, size_t *read_size)
{
    (void)e;
    struct net *n = net_by_handle[handle];
    if (n == NULL)
        return SOLO5_R_EINVAL;

    uint16_t head;
    uint32_t len;
    if (!virtq_take_used(&n->rx, &head, &len))
        return SOLO5_R_AGAIN;
    uint16_t slot = slot_of(n, head, n->rx_slots);
    size_t frame = len > n->hdr_len ? len - n->hdr_len : 0;
    if (frame > NET_FRAME_MAX)
        frame = NET_FRAME_MAX;
    if (frame > size)
        frame = size;
    copy_bytes(buf, n->mem->rx[slot] + NET_FRAME_OFFSET, frame);
    rx_give(n, slot);
    virtio_dev_kick(n->dev, &n->rx);
    *read_size = frame;
    return SOLO5_R_OK;
}

int virtio_poll(solo5_handle_set_t *ready)
{
    solo5_handle_set_t set = 0;

    for (unsigned i = 0; i < net_count; i++)
        if (virtq_has_used(&net_list[i]->rx))
            set |= 1ULL << net_list[i]->handle;
    if (ready != NULL)
        *ready = set;
    return set != 0;
}

/* Without VIRTIO_NET_F_MAC the device has no address: make up a local one. */
static void net_mac(struct net *n, uint64_t features, uint8_t mac[6])
{
    if (features & VIRTIO_NET_F_MAC) {
        for (unsigned i = 0; i < 6; i++)
            mac[i] = (uint8_t)virtio_dev_config(n->dev, VIRTIO_NET_CFG_MAC + i, 1);
        return;
    }
    static const uint8_t local[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x00};
    for (unsigned i = 0; i < 6; i++)
        mac[i] = local[i];
    mac[5] = (uint8_t)(net_count + 1);
    struct kiln_line l = {.len = 0};
    virtio_dev_line(&l, n->dev, n->name);
    kiln_line_str(&l, ": the device has no MAC address (no VIRTIO_NET_F_MAC); "
                      "using 02:00:00:00:00:0");
    kiln_line_dec(&l, mac[5]);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
}

static void line_mac(struct kiln_line *l, const uint8_t mac[6])
{
    static const char hex[] = "0123456789abcdef";
    char s[18];
    for (unsigned i = 0; i < 6; i++) {
        s[3 * i] = hex[mac[i] >> 4];
        s[3 * i + 1] = hex[mac[i] & 15];
        s[3 * i + 2] = i < 5 ? ':' : '\0';
    }
    kiln_line_str(l, s);
}

static uint16_t min_u16(uint16_t a, uint16_t b)
{
    return a < b ? a : b;
}

void virtio_net_attach(struct virtio_dev *d, struct mft_entry *e,
                       solo5_handle_t handle)
{
    _Static_assert(sizeof(struct net_mem) % KILN_PAGE_SIZE == 0,
                   "net buffers are whole pages");
    struct net *n = &nets[handle];
    n->dev = d;
    n->name = e->name;
    n->handle = handle;
    n->mem = virtio_alloc_pages(sizeof(struct net_mem) / KILN_PAGE_SIZE);
    n->hdr_len = d->modern ? 12 : 10;

    uint64_t features = virtio_dev_negotiate(
        d, VIRTIO_F_EVENT_IDX | VIRTIO_NET_F_MAC | VIRTIO_NET_F_MTU);
    virtio_dev_queue(d, &n->rx, NET_RX_QUEUE, features);
    virtio_dev_queue(d, &n->tx, NET_TX_QUEUE, features);
    n->rx_slots = min_u16(NET_RX_SLOTS, n->rx.num / 2);
    n->tx_slots = min_u16(NET_TX_SLOTS, n->tx.num / 2);
    if (n->rx_slots == 0 || n->tx_slots == 0)
        virtio_dev_fatal(d, "its queues have fewer than 2 entries");

    uint8_t mac[6];
    net_mac(n, features, mac);
    uint16_t mtu = NET_MTU;
    if (features & VIRTIO_NET_F_MTU) {
        uint16_t dev_mtu = (uint16_t)virtio_dev_config(d, VIRTIO_NET_CFG_MTU, 2);
        /* 68: the least IPv4 allows; below it the value makes no sense. */
        if (dev_mtu >= 68 && dev_mtu < mtu)
            mtu = dev_mtu;
    }

    /* Transmit chains: a zero header (zeroed pages), then the frame. */
    for (uint16_t s = 0; s < n->tx_slots; s++) {
        volatile struct virtq_desc *desc = n->tx.desc;
        uintptr_t buf = (uintptr_t)n->mem->tx[s];
        uint16_t head = (uint16_t)(2 * s);
        desc[head].addr = buf;
        desc[head].len = n->hdr_len;
        desc[head].flags = VIRTQ_DESC_F_NEXT;
        desc[head].next = (uint16_t)(head + 1);
        desc[head + 1].addr = buf + NET_FRAME_OFFSET;
        desc[head + 1].flags = 0;
        desc[head + 1].next = 0;
        n->tx_free[s] = s;
    }
    n->tx_free_count = n->tx_slots;
    for (uint16_t s = 0; s < n->rx_slots; s++)
        rx_give(n, s);

    /* Buffers may be made available before DRIVER_OK, but the device may
     * be notified only after it. */
    virtio_dev_ready(d);
    virtio_dev_kick(d, &n->rx);

    net_list[net_count++] = n;
    net_by_handle[handle] = n;
    for (unsigned i = 0; i < 6; i++)
        e->u.net_basic.mac[i] = mac[i];
    e->u.net_basic.mtu = mtu;
    e->attached = true;
    if (kiln_log_level >= KILN_LOG_DEBUG) {
        struct kiln_line l = {.len = 0};
        virtio_dev_line(&l, d, e->name);
        kiln_line_str(&l, ": mac ");
        line_mac(&l, mac);
        kiln_line_str(&l, ", mtu ");
        kiln_line_dec(&l, mtu);
        kiln_line_str(&l, ", queues ");
        kiln_line_dec(&l, n->rx.num);
        kiln_line_str(&l, "/");
        kiln_line_dec(&l, n->tx.num);
        kiln_line_str(&l, d->modern ? ", virtio 1.x" : ", legacy");
        if (features & VIRTIO_F_EVENT_IDX)
            kiln_line_str(&l, ", event index");
        kiln_line_str(&l, "\n");
        kiln_line_flush(&l);
    }
}
