/*
 * test_fdt.c: the device tree reader (boot/common/fdt.c) on the host, under
 * ASan and UBSan: a real tree (QEMU virt's, dumped: argv[1]) reads to the
 * end with the nodes the board needs; then every truncation of it, and
 * a set of malformed blobs, are refused with a reason (or, for a truncation
 * that keeps a smaller totalsize valid, read), never read out of bounds.
 * Prints one line per check; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdt_walk.h"

static int failures;

static void check(int ok, const char *what)
{
    printf("test-fdt: %s: %s\n", ok ? "ok" : "FAILED", what);
    if (!ok)
        failures++;
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Walk a copy of blob[0, size) in a buffer of exactly that size. */
static long walk_copy(const uint8_t *blob, size_t size, const char **error)
{
    uint8_t *copy = malloc(size ? size : 1);
    memcpy(copy, blob, size);
    long n = fdt_walk_all(copy, size, error);
    free(copy);
    return n;
}

/* Does a copy of the tree with the header word at offset set to v fail? */
static int refused_with(const uint8_t *blob, size_t size, size_t offset,
                        uint32_t v)
{
    uint8_t *copy = malloc(size);
    const char *error = NULL;
    memcpy(copy, blob, size);
    put_be32(copy + offset, v);
    long n = fdt_walk_all(copy, size, &error);
    free(copy);
    return n < 0 && error != NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s VIRT.dtb (qemu-system-aarch64 -M virt,dumpdtb=FILE)\n", argv[0]);
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t blob[1 << 20];
    size_t size = fread(blob, 1, sizeof blob, fp);
    fclose(fp);

    const char *error = NULL;
    long tokens = walk_copy(blob, size, &error);
    printf("test-fdt: the virt tree: %ld tokens%s%s\n", tokens,
           error ? ", error: " : "", error ? error : "");
    check(tokens > 100 && error == NULL, "QEMU's virt tree reads to its end");

    /* The nodes the board takes, found by a plain walk. */
    struct fdt f;
    struct fdt_token t;
    int memory = 0, chosen = 0, mmio = 0;
    fdt_open(&f, blob, size);
    while (fdt_next(&f, &t, &error) == 1) {
        if (t.kind == FDT_TOKEN_BEGIN_NODE && t.depth == 2) {
            memory += fdt_node_is(t.name, "memory");
            chosen += fdt_node_is(t.name, "chosen");
        }
        if (t.kind == FDT_TOKEN_PROP && strcmp(t.name, "compatible") == 0)
            mmio += fdt_stringlist_has(t.value, t.len, "virtio,mmio");
    }
    check(memory == 1 && chosen == 1, "one memory node and /chosen");
    check(mmio == 32, "32 virtio,mmio transports");
    check(fdt_node_is("memory@40000000", "memory") && !fdt_node_is("memoryx", "memory"),
          "node names match with or without a unit address");
    check(fdt_stringlist_has((const uint8_t *)"a\0virtio,mmio", 14, "virtio,mmio") &&
          !fdt_stringlist_has((const uint8_t *)"virtio,mmio", 11, "virtio,mmio"),
          "a string list needs the NUL inside its length");

    /*
     * Every truncation of the part in use (QEMU pads the blob to 1 MiB),
     * its totalsize set to match: refused once it cuts a block.
     */
    uint32_t used = fdt_be32(blob + 12) + fdt_be32(blob + 32);
    int all_refused = 1;
    for (uint32_t n = 0; n < used && n < size; n++) {
        uint8_t *cut = malloc(n ? n : 1);
        memcpy(cut, blob, n);
        if (n >= 8)
            put_be32(cut + 4, n);
        if (fdt_walk_all(cut, n, &error) >= 0)
            all_refused = 0;
        free(cut);
    }
    check(all_refused, "every truncation of the blocks in use is refused");

    /* Malformed headers. */
    check(refused_with(blob, size, 0, 0xd00dfeee), "a wrong magic is refused");
    check(refused_with(blob, size, 4, (uint32_t)size + 1), "totalsize beyond the blob");
    check(refused_with(blob, size, 4, 8), "totalsize smaller than the header");
    check(refused_with(blob, size, 8, 0xfffffff0), "a structure block offset past the end");
    check(refused_with(blob, size, 8, 41), "an unaligned structure block");
    check(refused_with(blob, size, 36, 0xffffffff), "a structure block size that wraps");
    check(refused_with(blob, size, 12, 0xfffffffc), "a strings block offset past the end");
    check(refused_with(blob, size, 32, 0xffffffff), "a strings block size that wraps");
    check(refused_with(blob, size, 20, 16), "version 16 (no block sizes) is refused");

    /* Every word of the structure block corrupted in turn: no crash. */
    uint32_t off_struct = fdt_be32(blob + 8), size_struct = fdt_be32(blob + 36);
    uint8_t *copy = malloc(size);
    long refused = 0;
    for (uint32_t o = off_struct; o + 4 <= off_struct + size_struct; o += 4) {
        static const uint32_t values[] = {0, 1, 2, 3, 9, 0x7fffffff, 0xffffffff};
        for (size_t k = 0; k < sizeof values / sizeof values[0]; k++) {
            memcpy(copy, blob, size);
            put_be32(copy + o, values[k]);
            if (fdt_walk_all(copy, size, &error) < 0)
                refused++;
        }
    }
    free(copy);
    printf("test-fdt: %ld corrupted trees refused\n", refused);
    check(refused > 0, "corrupted structure blocks are refused, none read out of bounds");

    printf("test-fdt: %s\n", failures ? "FAILED" : "OK");
    return failures ? 1 : 0;
}
