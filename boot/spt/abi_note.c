/*
 * Kiln boot shim, spt: the ABI note, which tells a tender this image is for
 * spt, ABI version 2 (see kiln/elf_abi.h).
 */
#include "kiln/spt_abi.h"

const struct abi1_note __kiln_abi1_note
    __attribute__((section(".note.solo5.abi"), aligned(4), used)) = {
        .h = {.n_namesz = sizeof(SOLO5_NOTE_NAME),
              .n_descsz = ABI1_NOTE_DESC_SIZE,
              .n_type = ABI1_NOTE_TYPE,
              .n_name = SOLO5_NOTE_NAME},
        .i = {.abi_target = SPT_ABI_TARGET, .abi_version = SPT_ABI_VERSION},
};
