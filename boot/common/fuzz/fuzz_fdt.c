/*
 * fuzz_fdt.c: libFuzzer target for the boot shim's device tree reader
 * (boot/common/fdt.c), whose input comes from outside the image (the
 * loader's DTB): any blob must end in a token walk or an error, never a
 * read outside it. The input is copied to a buffer of its exact size, so
 * ASan sees any read past its end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fdt_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *blob = malloc(size ? size : 1);
    const char *error;

    if (blob == NULL)
        return 0;
    memcpy(blob, data, size);
    (void)fdt_walk_all(blob, size, &error);
    free(blob);
    return 0;
}
