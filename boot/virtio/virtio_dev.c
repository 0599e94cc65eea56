/*
 * Kiln boot shim, virtio: the initialisation steps every virtio driver
 * takes (virtio 1.x spec 3.1), over the device's transport.
 */
#include "cpu.h"
#include "virtio.h"
#include "virtio_dev.h"

static const char *kind(const struct virtio_dev *d)
{
    switch (d->type) {
    case VIRTIO_ID_NET:
        return "net";
    case VIRTIO_ID_BLOCK:
        return "block";
    default:
        return "unknown";
    }
}

void virtio_dev_line(struct kiln_line *l, const struct virtio_dev *d,
                     const char *name)
{
    kiln_line_str(l, "kiln: virtio ");
    kiln_line_str(l, kind(d));
    kiln_line_str(l, " device ");
    if (name != NULL) {
        kiln_line_str(l, "\"");
        kiln_line_str(l, name);
        kiln_line_str(l, "\" ");
    }
    kiln_line_str(l, "at ");
    kiln_line_str(l, d->where);
}

void virtio_dev_fatal_line(struct virtio_dev *d, struct kiln_line *l)
{
    d->t->set_status(d, d->t->get_status(d) | VIRTIO_STATUS_FAILED);
    kiln_line_str(l, "\n");
    kiln_line_flush(l);
    platform_halt(KILN_EXIT_TENDER_ERROR, NULL);
}

void virtio_dev_fatal(struct virtio_dev *d, const char *why)
{
    struct kiln_line l = {.len = 0};

    virtio_dev_line(&l, d, NULL);
    kiln_line_str(&l, ": ");
    kiln_line_str(&l, why);
    virtio_dev_fatal_line(d, &l);
}

uint64_t virtio_dev_negotiate(struct virtio_dev *d, uint64_t want)
{
    const struct virtio_transport *t = d->t;

    t->set_status(d, 0); /* reset */
    /* A virtio 1.x device may take a moment to finish its reset. */
    for (unsigned spins = 0; t->get_status(d) != 0; spins++) {
        if (spins > 1000000)
            virtio_dev_fatal(d, "the device does not finish its reset");
        cpu_pause();
    }
    t->set_status(d, VIRTIO_STATUS_ACKNOWLEDGE);
    t->set_status(d, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);

    uint64_t offered = t->get_features(d);
    if (d->modern) {
        if (!(offered & VIRTIO_F_VERSION_1))
            virtio_dev_fatal(d, "a virtio 1.x transport whose device does not "
                                "offer VIRTIO_F_VERSION_1");
        want |= VIRTIO_F_VERSION_1;
    }
    uint64_t accepted = offered & want;
    t->set_features(d, accepted);

    /* Legacy devices have no FEATURES_OK step: accepting is enough. */
    if (d->modern) {
        uint8_t s = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
                    VIRTIO_STATUS_FEATURES_OK;
        t->set_status(d, s);
        if (!(t->get_status(d) & VIRTIO_STATUS_FEATURES_OK))
            virtio_dev_fatal(d, "the device refused the features the driver "
                                "accepted (FEATURES_OK did not stick)");
    }
    return accepted;
}

void virtio_dev_queue(struct virtio_dev *d, struct virtq *vq, uint16_t index,
                      uint64_t features)
{
    const uint16_t max = VIRTQ_MAX_SIZE;
    uint16_t num = d->t->queue_size(d, index, max);

    if (num == 0 || num > max || (num & (num - 1)) != 0) {
        struct kiln_line l = {.len = 0};
        virtio_dev_line(&l, d, NULL);
        kiln_line_str(&l, ": queue ");
        kiln_line_dec(&l, index);
        if (num == 0) {
            kiln_line_str(&l, " is missing or larger than the ");
            kiln_line_dec(&l, max);
            kiln_line_str(&l, " entries Kiln's driver supports (QEMU: "
                              "queue-size=, rx_queue_size=, tx_queue_size= "
                              "of at most that)");
        } else {
            kiln_line_str(&l, " has ");
            kiln_line_dec(&l, num);
            kiln_line_str(&l, " entries: not a power of two of at most ");
            kiln_line_dec(&l, max);
        }
        virtio_dev_fatal_line(d, &l);
    }
    void *mem = virtio_alloc_pages(VIRTQ_RING_BYTES / KILN_PAGE_SIZE);
    virtq_init(vq, mem, index, num, (features & VIRTIO_F_EVENT_IDX) != 0);
    d->t->queue_enable(d, vq);
}

void virtio_dev_ready(struct virtio_dev *d)
{
    uint8_t s = d->t->get_status(d);
    d->t->set_status(d, s | VIRTIO_STATUS_DRIVER_OK);
}

uint64_t virtio_dev_config(struct virtio_dev *d, unsigned offset, unsigned size)
{
    /* A 64-bit field is two 32-bit reads, low half first (virtio 1.x
     * 4.1.3.1, 4.2.2.2); the fields read here do not change meanwhile. */
    if (size == 8)
        return d->t->config_read(d, offset, 4) |
               (uint64_t)d->t->config_read(d, offset + 4, 4) << 32;
    return d->t->config_read(d, offset, size);
}

void virtio_dev_kick(struct virtio_dev *d, struct virtq *vq)
{
    if (virtq_needs_notify(vq))
        d->t->notify(d, vq->index);
}

/*
 * On x86_64, 2^37 TSC ticks: half a minute to a minute at 2 to 4 GHz. The
 * raw TSC, not solo5_clock_monotonic: its frequency is measured on first
 * use (tsc.c), which should not happen in the middle of a device's first
 * request. On aarch64 the generic timer's counter, whose frequency is known.
 */
#if defined(__aarch64__)
#define wait_ticks() cpu_counter()
#define WAIT_TICKS (cpu_counter_hz() * 60)
#else
#define wait_ticks() cpu_rdtsc()
#define WAIT_TICKS (1ULL << 37)
#endif

void virtio_dev_wait(struct virtio_dev *d, struct virtq *vq, const char *name,
                     const char *what)
{
    if (virtq_has_used(vq))
        return;
    uint64_t start = wait_ticks();
    while (!virtq_has_used(vq)) {
        cpu_pause();
        if (wait_ticks() - start > WAIT_TICKS) {
            struct kiln_line l = {.len = 0};
            virtio_dev_line(&l, d, name);
            kiln_line_str(&l, ": no answer to ");
            kiln_line_str(&l, what);
            kiln_line_str(&l, " in about a minute; the device (or what backs "
                              "it on the host) is stuck: giving up\n");
            kiln_line_flush(&l);
            platform_halt(KILN_EXIT_ABORT, NULL);
        }
    }
}
