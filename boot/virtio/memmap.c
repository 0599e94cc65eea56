/*
 * Kiln boot shim, virtio: what the loader handed over (loader_abi.h): the
 * command line and the RAM, read before anything is written after the
 * image, where a multiboot loader leaves both.
 *
 * mem_size is the end of the RAM region that holds 1 MiB, where the image
 * is (contiguous RAM regions count as one), capped at the device window:
 * the common start-up puts the stack at its top and the heap below it, so
 * it must be one stretch of RAM. RAM elsewhere (below 640 KiB, above
 * 4 GiB) is not used. On QEMU's pc under PVH, the map is QEMU's own, not
 * the firmware's: the top of RAM may hold the firmware's ACPI tables, which
 * the stack may then overwrite (nothing here reads them).
 */
#include "virtio.h"
#include "loader_abi.h"

#define MIB (1024UL * 1024UL)
#define IMAGE_BASE 0x100000UL

/* As hvt's tender (HVT_CMDLINE_SIZE): longer command lines are refused. */
#define CMDLINE_SIZE 8192

static char cmdline[CMDLINE_SIZE];

/* One RAM region of either loader's map, in a common form. */
struct ram_region {
    uint64_t start, end;
};

/* Copy s (may be NULL), skipping skip_words leading words; fatal if too long. */
static void copy_cmdline(const char *s, int skip_words)
{
    size_t n = 0;

    if (s != NULL) {
        for (; skip_words > 0; skip_words--) {
            while (*s == ' ')
                s++;
            while (*s != '\0' && *s != ' ')
                s++;
        }
        while (*s == ' ')
            s++;
        for (; s[n] != '\0'; n++) {
            if (n == CMDLINE_SIZE - 1)
                kiln_fatal("virtio: the command line is longer than 8191 "
                           "bytes; shorten it");
            cmdline[n] = s[n];
        }
    }
    cmdline[n] = '\0';
}

/*
 * Grow [*start, *end) by the RAM region r if r holds 1 MiB or touches the
 * region found so far; returns 1 if it did. Called until nothing grows, so
 * the entries may come in any order.
 */
static int grow(struct ram_region *found, struct ram_region r)
{
    if (r.end <= r.start)
        return 0;
    if (found->end == 0) {
        if (r.start <= IMAGE_BASE && IMAGE_BASE < r.end) {
            *found = r;
            return 1;
        }
        return 0;
    }
    int changed = 0;
    if (r.start < found->start && r.end >= found->start) {
        found->start = r.start;
        changed = 1;
    }
    if (r.end > found->end && r.start <= found->end) {
        found->end = r.end;
        changed = 1;
    }
    return changed;
}

/* Say what the map held, before the message that it will not do. */
static void print_region(uint64_t addr, uint64_t size, uint32_t type)
{
    struct kiln_line l = {.len = 0};
    kiln_line_str(&l, "kiln: virtio: memory map: ");
    kiln_line_hex(&l, addr);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, addr + size);
    kiln_line_str(&l, " type ");
    kiln_line_dec(&l, type);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
}

static struct ram_region pvh_ram(const struct hvm_start_info *si)
{
    struct ram_region found = {0, 0};
    const struct hvm_memmap_entry *map =
        (const struct hvm_memmap_entry *)(uintptr_t)si->memmap_paddr;

    if (si->version < 1 || si->memmap_paddr == 0)
        kiln_fatal("virtio: the PVH loader gave no memory map (hvm_start_info"
                   " version 0); use a loader that gives version 1");
    for (int changed = 1; changed;) {
        changed = 0;
        for (uint32_t i = 0; i < si->memmap_entries; i++)
            if (map[i].type == E820_RAM)
                changed |= grow(&found, (struct ram_region){
                                            map[i].addr,
                                            map[i].addr + map[i].size});
    }
    if (found.end == 0)
        for (uint32_t i = 0; i < si->memmap_entries; i++)
            print_region(map[i].addr, map[i].size, map[i].type);
    return found;
}

static struct ram_region multiboot_ram(const struct multiboot_info *mi)
{
    struct ram_region found = {0, 0};

    if (mi->flags & MULTIBOOT_INFO_MMAP) {
        uintptr_t first = mi->mmap_addr, end = first + mi->mmap_length;
        for (int changed = 1; changed;) {
            changed = 0;
            for (uintptr_t p = first; p + sizeof(struct multiboot_mmap_entry) <= end;) {
                const struct multiboot_mmap_entry *e =
                    (const struct multiboot_mmap_entry *)p;
                if (e->type == E820_RAM)
                    changed |= grow(&found, (struct ram_region){
                                                e->addr, e->addr + e->len});
                p += e->size + sizeof e->size;
            }
        }
        for (uintptr_t p = first; found.end == 0 &&
                                  p + sizeof(struct multiboot_mmap_entry) <= end;) {
            const struct multiboot_mmap_entry *e =
                (const struct multiboot_mmap_entry *)p;
            print_region(e->addr, e->len, e->type);
            p += e->size + sizeof e->size;
        }
    } else if (mi->flags & MULTIBOOT_INFO_MEMORY) {
        found.start = MIB;
        found.end = MIB + (uint64_t)mi->mem_upper * 1024;
    } else {
        kiln_fatal("virtio: the multiboot loader gave no memory map and no "
                   "memory size");
    }
    return found;
}

void virtio_boot_info_read(uint32_t eax, uint32_t ebx,
                           struct virtio_boot_info *bi)
{
    struct ram_region ram;

    /*
     * PVH first: its magic at ebx is unambiguous (a multiboot information
     * block starts with flags, bits 0-11 only), while eax is not: qboot,
     * microvm's firmware, enters PVH images with the multiboot magic in
     * eax.
     */
    if (ebx != 0 &&
        ((const struct hvm_start_info *)(uintptr_t)ebx)->magic ==
            PVH_START_MAGIC) {
        const struct hvm_start_info *si =
            (const struct hvm_start_info *)(uintptr_t)ebx;
        bi->loader = "PVH";
        copy_cmdline((const char *)(uintptr_t)si->cmdline_paddr, 0);
        ram = pvh_ram(si);
    } else if (eax == MULTIBOOT_LOADER_MAGIC) {
        const struct multiboot_info *mi =
            (const struct multiboot_info *)(uintptr_t)ebx;
        bi->loader = "multiboot";
        /* Its command line starts with the image's file name: drop it. */
        copy_cmdline((mi->flags & MULTIBOOT_INFO_CMDLINE)
                         ? (const char *)(uintptr_t)mi->cmdline
                         : NULL,
                     1);
        ram = multiboot_ram(mi);
    } else {
        kiln_fatal("virtio: started by an unknown loader (neither the "
                   "multiboot magic in eax nor a PVH start info at ebx);"
                   " boot the image with a PVH or multiboot loader");
    }
    if (ram.end == 0)
        kiln_fatal("virtio: the loader's memory map has no RAM at 1 MiB,"
                   " where the image is");
    bi->cmdline = cmdline;
    bi->ram_start = ram.start;
    bi->ram_end = ram.end;
    uint64_t end = ram.end < VIRTIO_DEVICE_WINDOW ? ram.end
                                                  : VIRTIO_DEVICE_WINDOW;
    bi->mem_size = KILN_ALIGN_DOWN(end, KILN_PAGE_SIZE);
}
