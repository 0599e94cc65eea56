/*
 * Kiln boot shim: the ABI note, which tells a tender which platform this
 * image is for (see kiln/elf_abi.h). The platform's fragment
 * (boot/<platform>/<platform>.mk) defines KILN_ABI_TARGET and
 * KILN_ABI_VERSION from its BOOT_<P>_ABI_TARGET and _ABI_VERSION.
 */
#include "kiln/elf_abi.h"
#include "kiln/hvt_abi.h"
#include "kiln/spt_abi.h"

#if !defined(KILN_ABI_TARGET) || !defined(KILN_ABI_VERSION)
#error "KILN_ABI_TARGET and KILN_ABI_VERSION come from the platform's .mk (BOOT_<P>_CFLAGS)"
#endif

/* The tenders take the version from the ABI headers: the .mk must agree. */
_Static_assert(KILN_ABI_TARGET != HVT_ABI_TARGET ||
                   KILN_ABI_VERSION == HVT_ABI_VERSION,
               "BOOT_HVT_ABI_VERSION (hvt.mk) is not HVT_ABI_VERSION");
_Static_assert(KILN_ABI_TARGET != SPT_ABI_TARGET ||
                   KILN_ABI_VERSION == SPT_ABI_VERSION,
               "BOOT_SPT_ABI_VERSION (spt.mk) is not SPT_ABI_VERSION");

const struct abi1_note __kiln_abi1_note
    __attribute__((section(".note.solo5.abi"), aligned(4), used)) = {
        .h = {.n_namesz = sizeof(SOLO5_NOTE_NAME),
              .n_descsz = ABI1_NOTE_DESC_SIZE,
              .n_type = ABI1_NOTE_TYPE,
              .n_name = SOLO5_NOTE_NAME},
        .i = {.abi_target = KILN_ABI_TARGET, .abi_version = KILN_ABI_VERSION},
};
