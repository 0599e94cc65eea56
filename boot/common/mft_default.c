/*
 * Kiln boot shim: the default device manifest, with no devices.
 *
 * Its own archive member, so that it is linked only when the application
 * brings no manifest of its own (see kiln/mft_note.h and the EXTERN in the
 * platform's linker script).
 */
#define MFT_ENTRIES 1
#include "kiln/mft_note.h"

KILN_MFT1_NOTE = {
    .h = KILN_MFT1_NOTE_HEADER,
    .m = {.version = MFT_VERSION,
          .entries = MFT_ENTRIES,
          .e = {KILN_MFT_RESERVED_ENTRY}},
};
