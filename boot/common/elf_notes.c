/*
 * Kiln boot shim: the parts of the image that stop a host OS from running it
 * as a native program (abi_note.c adds the ABI note).
 */
#include "kiln/elf_abi.h"

/* PT_INTERP: a Linux kernel refuses to exec an image whose loader is absent. */
const char __kiln_elf_interp[] __attribute__((section(".interp"), used)) =
    KILN_FAKE_INTERP;

/* An OpenBSD kernel requires this note and then refuses the foreign ABI. */
const struct openbsd_note __kiln_openbsd_note
    __attribute__((section(".note.openbsd.ident"), aligned(4), used)) = {
        .n_namesz = 8,
        .n_descsz = 4,
        .n_type = 1,
        .n_name = "OpenBSD",
        .data = 0,
};
