/*
 * Kiln boot shim: a reader of flattened device trees (DTB, the devicetree
 * specification v0.4, chapter 5), for boards that describe themselves
 * with one (QEMU's aarch64 virt). The blob comes from outside the image,
 * so every offset and length in it is checked against the blob's size
 * before it is read; a malformed blob is an error with a reason, never a
 * read out of bounds (tests: runtime/tests' host unit test and fuzz
 * target for this file).
 *
 * Self-contained (no boot.h): the host tests compile it as it is.
 */
#ifndef KILN_FDT_H
#define KILN_FDT_H

#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedU
#define FDT_MAX_DEPTH 32

struct fdt {
    const uint8_t *blob;
    uint32_t struct_off, struct_end;   /* the structure block, in blob  */
    uint32_t strings_off, strings_end; /* the strings block, in blob    */
    uint32_t pos;                      /* next token, in blob           */
    int depth;                         /* nodes open                    */
};

enum fdt_token_kind { FDT_TOKEN_BEGIN_NODE, FDT_TOKEN_END_NODE, FDT_TOKEN_PROP };

struct fdt_token {
    enum fdt_token_kind kind;
    int depth;           /* the root node is 1; a property has its node's */
    const char *name;    /* the node's (unit address included) or the property's */
    const uint8_t *value; /* a property's value, len bytes (big-endian cells) */
    uint32_t len;
};

/*
 * Check the header of the blob at blob, of which avail bytes may be read,
 * and start a walk at its first token. NULL on success, else what is
 * wrong with it.
 */
const char *fdt_open(struct fdt *f, const void *blob, uint64_t avail);

/*
 * The next token of the walk: 1 with *t filled in, 0 at the end of the
 * tree, -1 with *error set when the blob is malformed (the walk stops).
 */
int fdt_next(struct fdt *f, struct fdt_token *t, const char **error);

/* A big-endian 32-bit cell at p (read byte by byte: p may be unaligned). */
uint32_t fdt_be32(const uint8_t *p);

/* A number of 1 or 2 cells at p. */
uint64_t fdt_cells(const uint8_t *p, uint32_t cells);

/* Is s one of the NUL-terminated strings of a string-list value? */
int fdt_stringlist_has(const uint8_t *value, uint32_t len, const char *s);

/* Is the node name name, with or without a unit address ("memory@4000")? */
int fdt_node_is(const char *node, const char *name);

#endif /* KILN_FDT_H */
