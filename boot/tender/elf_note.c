/*
 * elf_note.c: find the Solo5-owned notes (ABI1, MFT1) of an image.
 *
 * Notes from other owners (GNU build ids and properties, OpenBSD's) are
 * skipped without judgement: a segment whose notes do not parse is simply
 * not searched further. A "Solo5" note that claims more bytes than its
 * segment holds is an error.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf_image.h"
#include "tender.h"

#define NOTE_HEADER 12 /* namesz, descsz, type */

static uint64_t align_up4(uint64_t x)
{
    return (x + 3) & ~(uint64_t)3;
}

static bool read_at(int fd, void *buf, size_t len, uint64_t offset)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = pread(fd, (char *)buf + done, len - done,
                          (off_t)(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += (size_t)n;
    }
    return true;
}

bool elf_find_solo5_note(int fd, const char *path,
                         const struct elf_image *image, uint32_t note_type,
                         size_t desc_offset, size_t min_size, size_t max_size,
                         void **payload, size_t *size)
{
    for (unsigned n = 0; n < image->nnotes; n++) {
        const struct elf_note_segment *seg = &image->notes[n];
        uint64_t pos = 0; /* within the segment */

        /* 8-aligned note segments (ELF64 style) pad each note to 8. */
        uint64_t step_align = seg->align == 8 ? 8 : 4;

        while (seg->filesz - pos >= NOTE_HEADER) {
            uint32_t h[3];
            char name[8];
            if (!read_at(fd, h, sizeof h, seg->offset + pos))
                tender_fail("%s: cannot read a note header: truncated file", path);
            uint64_t namesz = h[0], descsz = h[1], type = h[2];
            uint64_t desc_at = NOTE_HEADER + align_up4(namesz);
            uint64_t total = desc_at + descsz;
            if (total > seg->filesz - pos)
                break; /* not a note list we understand */

            bool solo5 = namesz == sizeof SOLO5_NOTE_NAME &&
                         read_at(fd, name, sizeof SOLO5_NOTE_NAME,
                                 seg->offset + pos + NOTE_HEADER) &&
                         memcmp(name, SOLO5_NOTE_NAME, sizeof SOLO5_NOTE_NAME) == 0;
            if (solo5 && type == note_type) {
                uint64_t pad = desc_offset - desc_at;
                if (desc_offset < desc_at || descsz < pad ||
                    descsz - pad < min_size || descsz - pad > max_size)
                    tender_fail("%s: Solo5 note of type 0x%" PRIx32 " has a "
                                "payload of %" PRIu64 " bytes, want %zu to %zu",
                                path, note_type,
                                descsz >= pad ? descsz - pad : 0, min_size,
                                max_size);
                size_t len = (size_t)(descsz - pad);
                void *buf = malloc(len);
                if (buf == NULL)
                    tender_fail("%s: out of memory reading a note", path);
                if (!read_at(fd, buf, len, seg->offset + pos + desc_offset))
                    tender_fail("%s: cannot read a Solo5 note: truncated file",
                                path);
                *payload = buf;
                *size = len;
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
