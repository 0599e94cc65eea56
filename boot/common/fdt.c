/*
 * Kiln boot shim: the flattened device tree reader (fdt.h).
 *
 * Header (40 bytes, big-endian words): magic, totalsize, off_dt_struct,
 * off_dt_strings, off_mem_rsvmap, version, last_comp_version,
 * boot_cpuid_phys, size_dt_strings, size_dt_struct. The structure block
 * is a sequence of 4-byte-aligned tokens: BEGIN_NODE + NUL-terminated
 * name, END_NODE, PROP + len + nameoff + value, NOP, END.
 */
#include "fdt.h"

#define HEADER_SIZE 40
#define TOKEN_BEGIN_NODE 1
#define TOKEN_END_NODE 2
#define TOKEN_PROP 3
#define TOKEN_NOP 4
#define TOKEN_END 9

uint32_t fdt_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           (uint32_t)p[3];
}

uint64_t fdt_cells(const uint8_t *p, uint32_t cells)
{
    return cells == 2 ? (uint64_t)fdt_be32(p) << 32 | fdt_be32(p + 4)
                      : fdt_be32(p);
}

/* Length of the NUL-terminated string at blob[off], within [off, end); -1 if none. */
static int64_t string_in(const uint8_t *blob, uint32_t off, uint32_t end)
{
    for (uint32_t i = off; i < end; i++)
        if (blob[i] == '\0')
            return (int64_t)(i - off);
    return -1;
}

const char *fdt_open(struct fdt *f, const void *blob, uint64_t avail)
{
    const uint8_t *b = blob;

    if (blob == NULL || avail < HEADER_SIZE)
        return "no room for a device tree header";
    if (fdt_be32(b) != FDT_MAGIC)
        return "no device tree magic (0xd00dfeed)";
    uint64_t total = fdt_be32(b + 4);
    uint64_t off_struct = fdt_be32(b + 8), off_strings = fdt_be32(b + 12);
    uint32_t version = fdt_be32(b + 20), last_comp = fdt_be32(b + 24);
    uint64_t size_strings = fdt_be32(b + 32), size_struct = fdt_be32(b + 36);

    if (total < HEADER_SIZE || total > avail)
        return "the header's totalsize is smaller than the header or larger "
               "than the memory it is in";
    if (version < 17 || last_comp > 17)
        return "an unsupported device tree version (Kiln reads version 17)";
    if (off_struct % 4 != 0 || off_struct < HEADER_SIZE ||
        off_struct + size_struct > total || size_struct < 4)
        return "the structure block lies outside the blob";
    if (off_strings < HEADER_SIZE || off_strings + size_strings > total)
        return "the strings block lies outside the blob";
    f->blob = b;
    f->struct_off = (uint32_t)off_struct;
    f->struct_end = (uint32_t)(off_struct + size_struct);
    f->strings_off = (uint32_t)off_strings;
    f->strings_end = (uint32_t)(off_strings + size_strings);
    f->pos = f->struct_off;
    f->depth = 0;
    return NULL;
}

static uint32_t align4(uint32_t n)
{
    return (n + 3) & ~3U;
}

int fdt_next(struct fdt *f, struct fdt_token *t, const char **error)
{
    for (;;) {
        if (f->struct_end - f->pos < 4 || f->pos > f->struct_end) {
            *error = "the structure block ends without an END token";
            return -1;
        }
        uint32_t token = fdt_be32(f->blob + f->pos);
        uint32_t body = f->pos + 4;

        switch (token) {
        case TOKEN_NOP:
            f->pos = body;
            continue;
        case TOKEN_END:
            if (f->depth != 0) {
                *error = "the tree ends inside a node";
                return -1;
            }
            return 0;
        case TOKEN_BEGIN_NODE: {
            int64_t n = string_in(f->blob, body, f->struct_end);
            if (n < 0) {
                *error = "a node name runs past the structure block";
                return -1;
            }
            if (f->depth == FDT_MAX_DEPTH) {
                *error = "nodes nested deeper than Kiln reads (32)";
                return -1;
            }
            if (f->depth == 0 && f->pos != f->struct_off) {
                *error = "a second root node";
                return -1;
            }
            t->kind = FDT_TOKEN_BEGIN_NODE;
            t->depth = ++f->depth;
            t->name = (const char *)f->blob + body;
            t->value = NULL;
            t->len = 0;
            uint64_t next = (uint64_t)body + align4((uint32_t)n + 1);
            f->pos = next > f->struct_end ? f->struct_end : (uint32_t)next;
            return 1;
        }
        case TOKEN_END_NODE:
            if (f->depth == 0) {
                *error = "an END_NODE outside any node";
                return -1;
            }
            t->kind = FDT_TOKEN_END_NODE;
            t->depth = f->depth--;
            t->name = NULL;
            t->value = NULL;
            t->len = 0;
            f->pos = body;
            return 1;
        case TOKEN_PROP: {
            if (f->struct_end - body < 8) {
                *error = "a property header runs past the structure block";
                return -1;
            }
            uint32_t len = fdt_be32(f->blob + body);
            uint32_t nameoff = fdt_be32(f->blob + body + 4);
            uint32_t value = body + 8;
            if (len > f->struct_end - value) {
                *error = "a property value runs past the structure block";
                return -1;
            }
            if (nameoff >= f->strings_end - f->strings_off ||
                string_in(f->blob, f->strings_off + nameoff, f->strings_end) < 0) {
                *error = "a property name lies outside the strings block";
                return -1;
            }
            if (f->depth == 0) {
                *error = "a property outside any node";
                return -1;
            }
            t->kind = FDT_TOKEN_PROP;
            t->depth = f->depth;
            t->name = (const char *)f->blob + f->strings_off + nameoff;
            t->value = f->blob + value;
            t->len = len;
            uint64_t next = (uint64_t)value + align4(len);
            f->pos = next > f->struct_end ? f->struct_end : (uint32_t)next;
            return 1;
        }
        default:
            *error = "an unknown token in the structure block";
            return -1;
        }
    }
}

int fdt_stringlist_has(const uint8_t *value, uint32_t len, const char *s)
{
    uint32_t i = 0;

    while (i < len) {
        uint32_t j = 0;
        while (i + j < len && s[j] != '\0' && value[i + j] == (uint8_t)s[j])
            j++;
        if (s[j] == '\0' && i + j < len && value[i + j] == '\0')
            return 1;
        while (i < len && value[i] != '\0')
            i++;
        i++; /* past the NUL */
    }
    return 0;
}

int fdt_node_is(const char *node, const char *name)
{
    while (*name != '\0' && *node == *name) {
        node++;
        name++;
    }
    return *name == '\0' && (*node == '\0' || *node == '@');
}
