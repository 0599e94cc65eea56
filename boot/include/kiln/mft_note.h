/*
 * Kiln guest side: how an image declares its device manifest (MFT1 note).
 *
 * A translation unit defines MFT_ENTRIES (devices + 1 for the reserved entry
 * 0), includes this header and defines the note with KILN_MFT1_NOTE, e.g.
 * (scripts/gen-manifest writes such a file):
 *
 *     #define MFT_ENTRIES 2
 *     #include <kiln/mft_note.h>
 *     KILN_MFT1_NOTE = {
 *         .h = KILN_MFT1_NOTE_HEADER,
 *         .m = {.version = MFT_VERSION, .entries = MFT_ENTRIES,
 *               .e = {KILN_MFT_RESERVED_ENTRY,
 *                     {.name = "disk", .type = MFT_DEV_BLOCK_BASIC}}}};
 *
 * The symbol is __kiln_mft1_note. The boot archive holds a default with no
 * devices (boot/common/mft_default.c) under the same name; the linker
 * script's EXTERN(__kiln_mft1_note) pulls it in only when no object of the
 * application defines one.
 */
#ifndef KILN_MFT_NOTE_H
#define KILN_MFT_NOTE_H

#ifndef MFT_ENTRIES
#error "define MFT_ENTRIES (devices + 1) before including kiln/mft_note.h"
#endif

#include "elf_abi.h"
#include "mft_abi.h"

_Static_assert(MFT_ENTRIES >= 1 && MFT_ENTRIES <= MFT_MAX_ENTRIES,
               "MFT_ENTRIES must be 1..MFT_MAX_ENTRIES");

/* The note as it sits in the image: header, 4 bytes of padding, manifest. */
struct kiln_mft1_note {
    struct mft1_nhdr h;
    struct mft m;
};
_Static_assert(offsetof(struct kiln_mft1_note, m) == MFT1_DESC_OFFSET,
               "manifest descriptor at offset 24");

#define KILN_MFT1_NOTE_HEADER                                                 \
    {                                                                          \
        .n_namesz = sizeof(SOLO5_NOTE_NAME),                                   \
        .n_descsz = sizeof(struct kiln_mft1_note) - sizeof(struct mft1_nhdr), \
        .n_type = MFT1_NOTE_TYPE, .n_name = SOLO5_NOTE_NAME                    \
    }

/* Entry 0: reserved type, empty name. */
#define KILN_MFT_RESERVED_ENTRY {.name = "", .type = MFT_RESERVED_FIRST}

/*
 * aligned(4), as Solo5 declares it: ELF notes are 4-byte aligned, and the
 * descriptor's own 8-byte alignment is the padding counted in n_descsz. An
 * 8-aligned section would make readers such as readelf expect the 64-bit
 * note layout and misread it.
 */
#define KILN_MFT1_NOTE                                                         \
    const struct kiln_mft1_note __kiln_mft1_note                               \
        __attribute__((section(".note.solo5.manifest"), aligned(4), used))

#endif /* KILN_MFT_NOTE_H */
