/*
 * Kiln boot shim, virtio: the image's device manifest, copied. There is no
 * tender to hand the guest a checked copy, so the start-up makes one
 * (both architectures' start.c) and checks it as a tender would.
 */
#include "virtio.h"

extern const char __kiln_mft1_note[]; /* kiln/mft_note.h's layout */

/*
 * The devices mark entries attached, so they work on a copy: the note
 * itself is in the read-only segment. Sized for the largest manifest.
 */
static union {
    struct mft m;
    char bytes[offsetof(struct mft, e) +
               MFT_MAX_ENTRIES * sizeof(struct mft_entry)];
} mft_copy __attribute__((aligned(8)));

static void mft_invalid(const char *why) __attribute__((noreturn));
static void mft_invalid(const char *why)
{
    struct kiln_line l = {.len = 0};
    kiln_line_str(&l, "kiln: virtio: the image's device manifest (MFT1 note) "
                      "is invalid: ");
    kiln_line_str(&l, why);
    kiln_line_str(&l, "; rebuild the image (scripts/gen-manifest)\n");
    kiln_line_flush(&l);
    platform_halt(KILN_EXIT_ABORT, NULL);
}

/* Copy and check the manifest as a tender would (boot/tender/mft.c). */
struct mft *virtio_mft_copy(void)
{
    const struct mft1_nhdr *h = (const struct mft1_nhdr *)__kiln_mft1_note;
    const struct mft *src =
        (const struct mft *)(__kiln_mft1_note + MFT1_DESC_OFFSET);
    size_t pad = MFT1_DESC_OFFSET - sizeof *h;

    if (src->version != MFT_VERSION)
        mft_invalid("unknown version");
    if (src->entries < 1 || src->entries > MFT_MAX_ENTRIES)
        mft_invalid("entry count outside 1..64");
    size_t size = offsetof(struct mft, e) +
                  src->entries * sizeof(struct mft_entry);
    if (h->n_descsz < pad + size)
        mft_invalid("entries beyond the note");
    kiln_memcpy_qwords(&mft_copy, src, size / 8);

    struct mft *m = &mft_copy.m;
    if (m->e[0].type != MFT_RESERVED_FIRST)
        mft_invalid("entry 0 is not the reserved entry");
    for (uint32_t i = 0; i < m->entries; i++) {
        if (m->e[i].name[MFT_NAME_SIZE - 1] != '\0')
            mft_invalid("a name is not NUL-terminated");
        m->e[i].attached = false;
    }
    return m;
}

