/*
 * Kiln image ABI: the application manifest (Solo5's MFT1, version 1).
 *
 * The manifest is the list of devices an image uses. The build puts it into
 * the image as an ELF note (owner "Solo5", type MFT1); the tender reads it,
 * attaches each device named on its command line (--block:NAME=..., --net:
 * NAME=...), fills in the device properties and copies the manifest into
 * guest memory, where the guest looks devices up by name. A device's handle
 * (solo5_handle_t) is its index in the entry array.
 *
 * In the image every entry has attached = false and b zero; only the tender
 * sets them. Entry 0 is always the reserved type with an empty name.
 */
#ifndef KILN_MFT_ABI_H
#define KILN_MFT_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MFT_VERSION 1

/* Device types (u32 in the binary). */
typedef enum mft_type {
    MFT_DEV_BLOCK_BASIC = 1,        /* a block device backed by a host file */
    MFT_DEV_NET_BASIC = 2,          /* an Ethernet device backed by a tap    */
    MFT_RESERVED_FIRST = (1U << 30) /* entry 0; types from here on are not devices */
} mft_type_t;

/* Block device properties, filled in by the tender. 16 bytes, align 8. */
struct mft_block_basic {
    uint64_t capacity;   /* bytes                                   */
    uint16_t block_size; /* bytes per I/O unit (512 unless told)    */
};

/* Network device properties, filled in by the tender. */
struct mft_net_basic {
    uint8_t mac[6]; /* the guest's MAC address                     */
    uint16_t mtu;   /* payload MTU, Ethernet header not counted    */
};

#define MFT_NAME_SIZE 68 /* bytes of a name, terminating NUL included */
#define MFT_NAME_MAX 67  /* longest name in characters                */

/*
 * One device: 104 bytes, 8-byte aligned.
 *   @0  name      NUL-terminated, [A-Za-z0-9]+
 *   @68 type      mft_type_t
 *   @72 u         properties (union, 16 bytes)
 *   @88 b         host side only: the backing fd (or a host pointer)
 *   @96 attached  set by the tender once the device is attached
 */
struct mft_entry {
    char name[MFT_NAME_SIZE];
    mft_type_t type;
    union {
        struct mft_block_basic block_basic;
        struct mft_net_basic net_basic;
    } u;
    union {
        int hostfd;
        void *data;
    } b;
    bool attached;
};
_Static_assert(sizeof(struct mft_entry) == 104, "mft_entry is 104 bytes");
_Static_assert(offsetof(struct mft_entry, type) == 68, "mft_entry.type @68");
_Static_assert(offsetof(struct mft_entry, u) == 72, "mft_entry.u @72");
_Static_assert(offsetof(struct mft_entry, b) == 88, "mft_entry.b @88");
_Static_assert(offsetof(struct mft_entry, attached) == 96, "mft_entry.attached @96");

/* At most 64 entries, so a set of handles fits a u64 bitmap (solo5_handle_set_t). */
#define MFT_MAX_ENTRIES 64

/*
 * The manifest: a u32 version, a u32 entry count (1..MFT_MAX_ENTRIES), then
 * the entries. A guest declares it with a fixed entry count through
 * MFT_ENTRIES; the host sees a flexible array and checks the count against
 * the note size.
 */
struct mft {
    uint32_t version; /* MFT_VERSION      */
    uint32_t entries; /* number of e[]    */
#ifdef MFT_ENTRIES
    struct mft_entry e[MFT_ENTRIES];
#else
    struct mft_entry e[];
#endif
};

/* Note type of the manifest note: the bytes "MFT1" as a little-endian u32. */
#define MFT1_NOTE_TYPE 0x3154464d

/* Note header (same shape as the ABI note's, see elf_abi.h). */
struct mft1_nhdr {
    uint32_t n_namesz; /* 6       */
    uint32_t n_descsz; /* bytes after the header, 4 bytes of padding included */
    uint32_t n_type;   /* MFT1_NOTE_TYPE */
    char n_name[8];    /* "Solo5"  */
};
_Static_assert(sizeof(struct mft1_nhdr) == 20, "mft1_nhdr is 20 bytes");

/*
 * The descriptor is 8-byte aligned (struct mft holds a pointer union), so it
 * starts at offset 24 in the note and n_descsz counts the 4 padding bytes.
 */
#define MFT1_NOTE_ALIGN 8
#define MFT1_DESC_OFFSET 24

/* Largest manifest descriptor a tender accepts: 4 + 8 + 64 entries = 6668. */
#define MFT1_NOTE_MAX_SIZE \
    ((MFT1_DESC_OFFSET - sizeof(struct mft1_nhdr)) + 8 + \
     MFT_MAX_ENTRIES * sizeof(struct mft_entry))

#endif /* KILN_MFT_ABI_H */
