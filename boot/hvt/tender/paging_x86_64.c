/*
 * paging_x86_64.c: the guest's GDT and identity page tables.
 *
 * Solo5's layout, with W^X added inside the guest: 4-level paging,
 * identity mapped. Below 0x10000 nothing is mapped (NULL faults), the boot
 * info area up to 1 MiB is read-only and not executable. The 2 MiB regions
 * that hold the image get 4 KiB page tables so each segment gets exactly its
 * ELF permissions: text read-only and executable, rodata read-only, data
 * and bss writable and not executable. Everything else (heap, stack) is
 * writable and not executable, with 2 MiB pages, except the stack guard
 * (from the image's Kiln stack note), which is not present: its 2 MiB
 * regions get 4 KiB page tables too, so the guard is exact.
 *
 * That W^X inside the guest is for Kiln images (g->guest_wx: the image has
 * Kiln's stack note), whose trap handler then reports a write to their
 * code as a guest fault with its address. A Solo5 image gets what
 * solo5-hvt gives it: its segments writable in its own page tables, so
 * such a write reaches the host mapping, which keeps text and rodata
 * read-only, and ends the tender with status 1 ("host/guest translation
 * fault"), the result Solo5's own tests expect. Data stays non-executable
 * for both.
 *
 * The page tables for the image come from the unused pages 0x9000-0xffff
 * (seven, for 14 MiB of image beyond the first 2 MiB), then from
 * 0x80000-0xfffff (128 more, 256 MiB), which the guest sees read-only like
 * the rest of the boot info area: the CPU updates accessed and dirty bits
 * through physical addresses, not through the guest's mapping. An image
 * larger than that gets 2 MiB pages for the rest, with the union of the
 * permissions inside each (a warning says so; the guard's regions, near the
 * top of memory, come last and may then go without their guard).
 */
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>

#include "elf_image.h"
#include "hvt.h"
#include "x86_64.h"

static uint64_t *table(struct tender_guest *g, uint64_t gpa)
{
    return (uint64_t *)(g->mem + gpa);
}

static bool in_guard(const struct tender_guest *g, uint64_t addr)
{
    return addr >= g->guard_start && addr < g->guard_end;
}

/* The entry bits (without the address) for the 4 KiB page at addr. */
static uint64_t page_bits(const struct tender_guest *g,
                          const struct elf_image *image, uint64_t addr)
{
    if (addr < X86_LOW_UNMAPPED_END || in_guard(g, addr))
        return 0;
    if (addr < HVT_GUEST_MIN_BASE)
        return X86_PTE_P | X86_PTE_NX;
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        if (addr < s->start || addr >= s->end)
            continue;
        uint64_t rw = (s->prot & PROT_WRITE) || !g->guest_wx ? X86_PTE_RW : 0;
        if (s->prot & PROT_EXEC)
            return X86_PTE_P | rw;
        return X86_PTE_P | rw | X86_PTE_NX;
    }
    return X86_PTE_P | X86_PTE_RW | X86_PTE_NX;
}

/* Does the 2 MiB region at base need 4 KiB pages (image or guard in it)? */
static bool region_is_fine_grained(const struct tender_guest *g,
                                   const struct elf_image *image, uint64_t base)
{
    uint64_t end = base + X86_LARGE_PAGE_SIZE;

    if (g->guard_start < end && g->guard_end > base)
        return true;
    for (unsigned i = 0; i < image->nsegments; i++)
        if (image->segments[i].start < end && image->segments[i].end > base)
            return true;
    return false;
}

/*
 * Most permissive bits of a region: for a 2 MiB page that must serve them
 * all (a guard inside is lost: present wins).
 */
static uint64_t region_union(const struct tender_guest *g,
                             const struct elf_image *image, uint64_t base)
{
    uint64_t rw = 0, nx = X86_PTE_NX;
    for (uint64_t a = base; a < base + X86_LARGE_PAGE_SIZE; a += X86_PAGE_SIZE) {
        if (in_guard(g, a))
            continue;
        uint64_t bits = page_bits(g, image, a);
        rw |= bits & X86_PTE_RW;
        nx &= bits & X86_PTE_NX;
    }
    return X86_PTE_P | X86_PTE_PS | rw | nx;
}

static void fill_page_table(struct tender_guest *g, const struct elf_image *image,
                            uint64_t pt_gpa, uint64_t base)
{
    uint64_t *pt = table(g, pt_gpa);
    for (unsigned i = 0; i < 512; i++) {
        uint64_t addr = base + i * X86_PAGE_SIZE;
        uint64_t bits = page_bits(g, image, addr);
        pt[i] = bits ? (addr | bits) : 0;
    }
}

static void setup_gdt(struct tender_guest *g)
{
    uint64_t *gdt = table(g, X86_GDT_BASE);
    /* flat segments: base 0, limit 0xfffff pages; access byte, flags nibble */
    gdt[0] = 0;
    gdt[X86_SEL_CODE / 8] = 0x00af9b000000ffffULL; /* P, S, code r/x accessed; G, L */
    gdt[X86_SEL_DATA / 8] = 0x00cf93000000ffffULL; /* P, S, data r/w accessed; G, D/B */
}

void hvt_setup_paging(struct tender_guest *g, const struct elf_image *image)
{
    uint64_t pool = X86_PT_POOL_BASE;
    bool warned = false;

    memset(g->mem + X86_GDT_BASE, 0, X86_LOW_UNMAPPED_END - X86_GDT_BASE);
    setup_gdt(g);

    table(g, X86_PML4_BASE)[0] = X86_PDPT_BASE | X86_PTE_P | X86_PTE_RW;
    for (unsigned i = 0; i < X86_PD_COUNT; i++)
        table(g, X86_PDPT_BASE)[i] =
            (X86_PD_BASE + i * X86_PAGE_SIZE) | X86_PTE_P | X86_PTE_RW;

    uint64_t *pd = table(g, X86_PD_BASE); /* the four directories are contiguous */
    for (uint64_t base = 0; base < g->mem_size; base += X86_LARGE_PAGE_SIZE) {
        uint64_t *pde = &pd[base / X86_LARGE_PAGE_SIZE];
        if (base == 0) {
            fill_page_table(g, image, X86_PT0_BASE, 0);
            *pde = X86_PT0_BASE | X86_PTE_P | X86_PTE_RW;
        } else if (!region_is_fine_grained(g, image, base)) {
            *pde = base | X86_PTE_P | X86_PTE_RW | X86_PTE_PS | X86_PTE_NX;
        } else if (pool < X86_PT_POOL2_END) {
            fill_page_table(g, image, pool, base);
            *pde = pool | X86_PTE_P | X86_PTE_RW;
            pool += X86_PAGE_SIZE;
            if (pool == X86_PT_POOL_END)
                pool = X86_PT_POOL2_BASE;
        } else {
            if (!warned)
                tender_warn("the image reaches past 0x%" PRIx64 ": from there "
                            "its segments share 2 MiB pages (no W^X inside the "
                            "guest, no stack guard; the host still maps text "
                            "read-only)", base);
            warned = true;
            *pde = base | region_union(g, image, base);
        }
    }

    if (!g->nx) { /* the vCPU has no NX: the bit would be reserved */
        for (uint64_t *e = table(g, X86_PD_BASE); e < table(g, X86_PT_POOL_END); e++)
            *e &= ~X86_PTE_NX;
        for (uint64_t *e = table(g, X86_PT_POOL2_BASE); e < table(g, pool); e++)
            *e &= ~X86_PTE_NX;
    }
}
