/*
 * Kiln boot shim: the stack note (see kiln/kiln_abi.h), which tells Kiln's
 * tenders how much stack the image wants at the top of guest memory and how
 * large a guard to leave inaccessible below it. The start-up reads the same
 * note (boot_main.c), so the heap ends where the tender puts the guard.
 *
 * KILN_STACK_SIZE (bytes) comes from the build (Kconfig
 * RUNTIME_STACK_SIZE); KILN_STACK_GUARD_SIZE may be overridden the same way.
 */
#include "kiln/kiln_abi.h"

#ifndef KILN_STACK_SIZE
#define KILN_STACK_SIZE (512U * 1024U)
#endif

#define PAGE_ROUND_UP(x) \
    (((x) + KILN_STACK_PAGE_SIZE - 1) / KILN_STACK_PAGE_SIZE * KILN_STACK_PAGE_SIZE)

_Static_assert(KILN_STACK_SIZE > 0 && KILN_STACK_SIZE <= KILN_STACK_MAX,
               "KILN_STACK_SIZE out of range");
_Static_assert(KILN_STACK_GUARD_SIZE % KILN_STACK_PAGE_SIZE == 0,
               "KILN_STACK_GUARD_SIZE must be a multiple of 4 KiB");

const struct kiln_stk1_note __kiln_stk1_note
    __attribute__((section(".note.kiln.stack"), aligned(4), used)) = {
        .h = {.n_namesz = sizeof(KILN_NOTE_NAME),
              .n_descsz = KILN_STK1_DESC_SIZE,
              .n_type = KILN_STK1_NOTE_TYPE,
              .n_name = KILN_NOTE_NAME},
        .i = {.stack_size = PAGE_ROUND_UP(KILN_STACK_SIZE),
              .guard_size = KILN_STACK_GUARD_SIZE},
};
