/*
 * Kiln boot shim, virtio: finding the virtio devices and attaching them to
 * the manifest, where hvt's and spt's tenders attach theirs from the
 * command line.
 *
 * There is no command line naming devices here: QEMU's command line is
 * the launcher's (boot/virtio/kiln-qemu), which creates the devices in
 * manifest order. So the k-th block device found (PCI in bus, slot,
 * function order; virtio-mmio in the order QEMU fills its slots, see
 * virtio_mmio.c) is the k-th block entry of the manifest, and likewise
 * for net. A block device also carries its entry's name as its serial,
 * which block_io.c checks.
 *
 * An entry without a device stops the guest before the application
 * starts, with status 1 and the launcher's option that would give it one,
 * as Kiln's and Solo5's tenders refuse to boot an image whose manifest
 * names a device they were not given. A device without an entry is left
 * alone.
 */
#include "virtio.h"
#include "virtio_dev.h"

/* Devices found, of any type: more than anyone attaches to one guest. */
#define VIRTIO_MAX_FOUND 32

static struct virtio_dev found[VIRTIO_MAX_FOUND];
static unsigned found_count, found_dropped;

static void add(const struct virtio_dev *d)
{
    _Static_assert(sizeof *d % 8 == 0, "virtio_dev is copied in quadwords");
    if (found_count == VIRTIO_MAX_FOUND) {
        found_dropped++;
        return;
    }
    kiln_memcpy_qwords(&found[found_count++], d, sizeof *d / 8);
}

static uint16_t virtio_type(mft_type_t t)
{
    return t == MFT_DEV_BLOCK_BASIC ? VIRTIO_ID_BLOCK : VIRTIO_ID_NET;
}

static const char *mft_kind(mft_type_t t)
{
    return t == MFT_DEV_BLOCK_BASIC ? "block" : "net";
}

static void debug_device(const struct virtio_dev *d, const char *what)
{
    if (kiln_log_level < KILN_LOG_DEBUG)
        return;
    struct kiln_line l = {.len = 0};
    virtio_dev_line(&l, d, NULL);
    kiln_line_str(&l, ": ");
    kiln_line_str(&l, what);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
}

/* Pair the manifest's entries of type t with the devices of that type;
 * returns how many entries found no device (each is reported). */
static unsigned attach_type(struct mft *mft, uint32_t entries, mft_type_t t)
{
    uint16_t want = virtio_type(t);
    unsigned next = 0; /* the next device in found[] to look at */
    unsigned missing = 0;

    for (uint32_t i = 1; i < entries; i++) {
        struct mft_entry *e = &mft->e[i];
        if (e->type != t)
            continue;
        while (next < found_count && found[next].type != want)
            next++;
        if (next == found_count) {
            struct kiln_line l = {.len = 0};
            kiln_line_str(&l, "kiln: the manifest's ");
            kiln_line_str(&l, mft_kind(t));
            kiln_line_str(&l, " device '");
            kiln_line_str(&l, e->name);
            kiln_line_str(&l, "' has no virtio device: give it one with --");
            kiln_line_str(&l, mft_kind(t));
            kiln_line_str(&l, ":");
            kiln_line_str(&l, e->name);
            kiln_line_str(&l, t == MFT_DEV_BLOCK_BASIC ? "=FILE" : "=TAP");
            kiln_line_str(&l, " (boot/virtio/kiln-qemu, in manifest order)\n");
            kiln_line_flush(&l);
            missing++;
            continue;
        }
        struct virtio_dev *d = &found[next++];
        if (d->unusable != NULL) {
            struct kiln_line l = {.len = 0};
            virtio_dev_line(&l, d, e->name);
            kiln_line_str(&l, ": ");
            kiln_line_str(&l, d->unusable);
            kiln_line_str(&l, "\n");
            kiln_line_flush(&l);
            platform_halt(KILN_EXIT_TENDER_ERROR, NULL);
        }
        if (t == MFT_DEV_BLOCK_BASIC)
            virtio_blk_attach(d, e, i);
        else
            virtio_net_attach(d, e, i);
    }
    for (; next < found_count; next++)
        if (found[next].type == want)
            debug_device(&found[next], "no manifest entry for it: ignored");
    return missing;
}

void virtio_attach_devices(struct mft *mft, const char *cmdline)
{
    /* Only the level (--solo5:debug) is wanted here; the common start-up
     * parses the command line again. */
    (void)kiln_cmdline_parse(cmdline);

    virtio_discover(add);
    if (found_dropped != 0 && kiln_log_level >= KILN_LOG_DEBUG)
        kiln_puts("kiln: more virtio devices than Kiln looks at; the last "
                  "ones are ignored\n");

    if (mft == NULL)
        return;
    uint32_t entries = mft->entries < MFT_MAX_ENTRIES ? mft->entries
                                                      : MFT_MAX_ENTRIES;
    unsigned missing = attach_type(mft, entries, MFT_DEV_BLOCK_BASIC) +
                       attach_type(mft, entries, MFT_DEV_NET_BASIC);
    if (missing != 0)
        platform_halt(KILN_EXIT_TENDER_ERROR, NULL);
}
