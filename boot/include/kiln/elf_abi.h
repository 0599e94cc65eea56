/*
 * Kiln image ABI: the ELF notes every Solo5-ABI image carries.
 *
 * This header is the contract between a guest image (boot/<platform>/) and the
 * tender that loads it (boot/<platform>/tender/). It is shared by guest and
 * host code; nothing here depends on either side. The layout is Solo5's
 * (release 0.12), so Kiln images run under Solo5's tenders and the reverse.
 *
 * An image carries three notes, each in its own PT_NOTE program header:
 *   - the ABI note ("Solo5", type ABI1): which target and ABI version;
 *   - the manifest note ("Solo5", type MFT1): the devices, see mft_abi.h;
 *   - an "OpenBSD" version note, so that an OpenBSD kernel refuses to exec
 *     the image as a native program.
 * It also has a PT_INTERP naming a path that does not exist, so that a Linux
 * kernel refuses to exec it.
 */
#ifndef KILN_ELF_ABI_H
#define KILN_ELF_ABI_H

#include <stddef.h>
#include <stdint.h>

/* ABI targets: the value of abi1_info.abi_target. Numbering is Solo5's. */
enum abi_target {
    HVT_ABI_TARGET = 1,    /* KVM tender (boot/hvt)          */
    SPT_ABI_TARGET = 2,    /* seccomp process tender (boot/spt) */
    VIRTIO_ABI_TARGET = 3, /* QEMU/virtio, no tender          */
    MUEN_ABI_TARGET = 4,   /* not supported by Kiln; reserved */
    GENODE_ABI_TARGET = 5, /* not supported by Kiln; reserved */
    XEN_ABI_TARGET = 6     /* not supported by Kiln; reserved */
};

/* Owner name of the ABI and manifest notes, NUL included (6 bytes). */
#define SOLO5_NOTE_NAME "Solo5"

/* ELF note type of the ABI note: the bytes "ABI1" read as a little-endian u32. */
#define ABI1_NOTE_TYPE 0x31494241

/*
 * ELF note header as the ABI uses it: three u32 (name size 6, descriptor
 * size, type) then the owner name padded to 8 bytes, 20 bytes in all.
 */
struct abi1_nhdr {
    uint32_t n_namesz;   /* sizeof(SOLO5_NOTE_NAME) = 6                 */
    uint32_t n_descsz;   /* bytes after the header, padding included     */
    uint32_t n_type;     /* ABI1_NOTE_TYPE                              */
    char n_name[8];      /* "Solo5", NUL-padded to a multiple of 4       */
};
_Static_assert(sizeof(struct abi1_nhdr) == 20, "abi1_nhdr is 20 bytes");

/* Descriptor of the ABI note: 16 bytes, 4-byte aligned (so it starts at 20). */
struct abi1_info {
    uint32_t abi_target;  /* enum abi_target                             */
    uint32_t abi_version; /* HVT_ABI_VERSION / SPT_ABI_VERSION (2)       */
    uint32_t reserved0;   /* zero                                        */
    uint32_t reserved1;   /* zero                                        */
};

struct abi1_note {
    struct abi1_nhdr h;
    struct abi1_info i;
};
_Static_assert(offsetof(struct abi1_note, i) == 20, "ABI1 descriptor at 20");

/* Descriptor bytes of the ABI note: exactly one abi1_info. */
#define ABI1_NOTE_DESC_SIZE (sizeof(struct abi1_note) - sizeof(struct abi1_nhdr))

/* The "OpenBSD" note: a plain NT_VERSION (1) note with 4 zero bytes. */
struct openbsd_note {
    uint32_t n_namesz; /* 8                 */
    uint32_t n_descsz; /* 4                 */
    uint32_t n_type;   /* 1 (NT_VERSION)    */
    char n_name[8];    /* "OpenBSD\0"       */
    uint32_t data;     /* 0                 */
};

/* PT_INTERP contents: a path no host has, 24 bytes with padding. */
#define KILN_FAKE_INTERP "/nonexistent/solo5/"

#endif /* KILN_ELF_ABI_H */
