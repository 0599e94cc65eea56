/*
 * What the fuzz target and the unit test do with a blob: the walk a board
 * makes (boot/virtio/aarch64/dtb.c): every token, every property value
 * read to its end, the string lists searched, reg cells read where the
 * value is long enough. Returns the number of tokens, or -1 with *error
 * set where fdt.c refused the blob.
 */
#ifndef KILN_FDT_WALK_H
#define KILN_FDT_WALK_H

#include <string.h>
#include "fdt.h"

static long fdt_walk_all(const void *blob, size_t size, const char **error)
{
    struct fdt f;
    struct fdt_token t;
    long n = 0;
    unsigned sum = 0;
    int r;

    *error = fdt_open(&f, blob, size);
    if (*error != NULL)
        return -1;
    while ((r = fdt_next(&f, &t, error)) == 1) {
        n++;
        if (t.kind == FDT_TOKEN_BEGIN_NODE) {
            sum += (unsigned)strlen(t.name);
            sum += (unsigned)fdt_node_is(t.name, "memory");
        } else if (t.kind == FDT_TOKEN_PROP) {
            sum += (unsigned)strlen(t.name);
            for (uint32_t i = 0; i < t.len; i++)
                sum += t.value[i];
            sum += (unsigned)fdt_stringlist_has(t.value, t.len, "virtio,mmio");
            if (t.len >= 16)
                sum += (unsigned)(fdt_cells(t.value, 2) + fdt_cells(t.value + 8, 2));
        }
    }
    (void)sum;
    return r < 0 ? -1 : n;
}

#endif /* KILN_FDT_WALK_H */
