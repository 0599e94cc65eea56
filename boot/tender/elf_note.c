/*
 * elf_note.c: find an image's note by owner and type: Solo5's (ABI1, MFT1)
 * and Kiln's own (STK1, see kiln/kiln_abi.h).
 *
 * Notes from other owners (GNU build ids and properties, OpenBSD's) are
 * skipped without judgement: a segment whose notes do not parse is simply
 * not searched further. A wanted note that claims more bytes than its
 * segment holds, or a payload of the wrong size, is an error.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <elf.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "elf_image.h"
#include "tender.h"

#define NOTE_HEADER 12 /* namesz, descsz, type */
#define OWNER_MAX 16   /* longer owner names are never ours */

static uint64_t align_up4(uint64_t x)
{
    return (x + 3) & ~(uint64_t)3;
}

static bool read_at(int fd, void *buf, size_t len, uint64_t offset)
{
    return elf_pread(fd, buf, len, offset) == (ssize_t)len;
}

/* Does the note whose name (namesz bytes, NUL included) is at offset belong to owner? */
static bool owned_by(int fd, uint64_t offset, uint64_t namesz, const char *owner)
{
    char name[OWNER_MAX];
    size_t len = strlen(owner) + 1;

    return namesz == len && len <= sizeof name &&
           read_at(fd, name, len, offset) && memcmp(name, owner, len) == 0;
}

/* Copy out the payload of the wanted note at offset (descsz bytes after the header). */
static void read_payload(int fd, const char *path, const struct elf_note_query *q,
                         uint64_t desc_at, uint64_t descsz, uint64_t offset,
                         void **payload, size_t *size)
{
    uint64_t pad = q->desc_offset - desc_at;

    if (q->desc_offset < desc_at || descsz < pad ||
        descsz - pad < q->min_size || descsz - pad > q->max_size)
        tender_fail("%s: %s note of type 0x%" PRIx32 " has a payload of %" PRIu64
                    " bytes, want %zu to %zu", path, q->owner, q->type,
                    descsz >= pad ? descsz - pad : 0, q->min_size, q->max_size);
    size_t len = (size_t)(descsz - pad);
    void *buf = malloc(len ? len : 1);
    if (buf == NULL)
        tender_fail("%s: out of memory reading a note", path);
    if (!read_at(fd, buf, len, offset + q->desc_offset))
        tender_fail("%s: cannot read a %s note: truncated file", path, q->owner);
    *payload = buf;
    *size = len;
}

bool elf_find_note(int fd, const char *path, const struct elf_image *image,
                   const struct elf_note_query *q, void **payload, size_t *size)
{
    for (unsigned n = 0; n < image->nnotes; n++) {
        const struct elf_note_segment *seg = &image->notes[n];
        uint64_t pos = 0; /* within the segment */

        /* 8-aligned note segments (ELF64 style) pad each note to 8. */
        uint64_t step_align = seg->align == 8 ? 8 : 4;

        while (seg->filesz - pos >= NOTE_HEADER) {
            uint32_t h[3];
            if (!read_at(fd, h, sizeof h, seg->offset + pos))
                tender_fail("%s: cannot read a note header: truncated file", path);
            uint64_t namesz = h[0], descsz = h[1], type = h[2];
            uint64_t desc_at = NOTE_HEADER + align_up4(namesz);
            uint64_t total = desc_at + descsz;
            if (total > seg->filesz - pos)
                break; /* not a note list we understand */

            if (type == q->type &&
                owned_by(fd, seg->offset + pos + NOTE_HEADER, namesz, q->owner)) {
                read_payload(fd, path, q, desc_at, descsz, seg->offset + pos,
                             payload, size);
                return true;
            }
            uint64_t next = (total + step_align - 1) & ~(step_align - 1);
            if (next == 0 || next > seg->filesz - pos)
                break;
            pos += next;
        }
    }
    return false;
}
