/*
 * Kiln boot shim, virtio: what the two loaders hand the image (entry32.S),
 * as their specifications lay it out. Every address in them is physical;
 * the boot page tables map the first 4 GiB one to one, so they are usable
 * as pointers.
 */
#ifndef KILN_VIRTIO_LOADER_ABI_H
#define KILN_VIRTIO_LOADER_ABI_H

#include <stdint.h>

/* ---- PVH (Xen's arch-x86/hvm/start_info.h) ------------------------- */

#define PVH_START_MAGIC 0x336ec578 /* hvm_start_info.magic ("xEn3", rotated) */

struct hvm_start_info {
    uint32_t magic;          /* @0  PVH_START_MAGIC                        */
    uint32_t version;        /* @4  0, or 1 with memmap_* below            */
    uint32_t flags;          /* @8  SIF_* flags, unused here               */
    uint32_t nr_modules;     /* @12 modules, unused here                   */
    uint64_t modlist_paddr;  /* @16                                        */
    uint64_t cmdline_paddr;  /* @24 NUL-terminated command line, or 0      */
    uint64_t rsdp_paddr;     /* @32 ACPI RSDP, or 0                        */
    uint64_t memmap_paddr;   /* @40 version >= 1: hvm_memmap_entry array   */
    uint32_t memmap_entries; /* @48 version >= 1: how many                 */
    uint32_t reserved;       /* @52                                        */
};

struct hvm_memmap_entry {
    uint64_t addr;           /* @0  first byte                             */
    uint64_t size;           /* @8  bytes                                  */
    uint32_t type;           /* @16 E820 type: 1 is RAM                    */
    uint32_t reserved;       /* @20                                        */
};

/* ---- Multiboot version 1 (the Multiboot Specification 0.6.96) ------- */

#define MULTIBOOT_LOADER_MAGIC 0x2badb002 /* in eax at the entry          */

#define MULTIBOOT_INFO_MEMORY (1U << 0)   /* mem_lower, mem_upper valid   */
#define MULTIBOOT_INFO_CMDLINE (1U << 2)  /* cmdline valid                */
#define MULTIBOOT_INFO_MMAP (1U << 6)     /* mmap_length, mmap_addr valid */

struct multiboot_info {
    uint32_t flags;          /* @0  MULTIBOOT_INFO_*: which fields are valid */
    uint32_t mem_lower;      /* @4  KiB of RAM from 0                       */
    uint32_t mem_upper;      /* @8  KiB of RAM from 1 MiB (to the first hole) */
    uint32_t boot_device;    /* @12                                          */
    uint32_t cmdline;        /* @16 NUL-terminated; starts with the image's
                                    own file name, then the arguments        */
    uint32_t mods_count;     /* @20                                          */
    uint32_t mods_addr;      /* @24                                          */
    uint32_t syms[4];        /* @28                                          */
    uint32_t mmap_length;    /* @44 bytes of the memory map                  */
    uint32_t mmap_addr;      /* @48 its first entry                          */
};

/*
 * One memory map entry; the next starts size + 4 bytes further on (size
 * does not count itself). Packed: addr is at offset 4.
 */
struct multiboot_mmap_entry {
    uint32_t size;           /* @0  bytes after this field (20 or more)    */
    uint64_t addr;           /* @4                                         */
    uint64_t len;            /* @12                                        */
    uint32_t type;           /* @20 E820 type: 1 is RAM                    */
} __attribute__((packed));

/* The E820 type of usable RAM, in both maps. */
#define E820_RAM 1

#endif /* KILN_VIRTIO_LOADER_ABI_H */
