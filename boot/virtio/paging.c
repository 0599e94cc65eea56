/*
 * Kiln boot shim, virtio: the final page tables.
 *
 * entry32.S maps the first 4 GiB one to one in 2 MiB pages, all writable
 * and executable. This rewrites the same tables (its PML4, PDPT and four
 * PDs) into what the tenders give hvt and spt guests:
 *
 *     0 - 4 KiB                      not mapped (NULL)
 *     4 KiB - 1 MiB                  RW, NX (low memory: loader data)
 *     image text                     R, executable
 *     image rodata                   R, NX
 *     image data, bss, rest of RAM   RW, NX
 *     stack guard                    not mapped (kiln/kiln_abi.h)
 *     mem_size - device window       not mapped (so a stray access faults)
 *     device window - 4 GiB          RW, NX, uncached (PCD|PWT)
 *
 * 2 MiB pages wherever a 2 MiB region is uniform, a page table of 4 KiB
 * pages (from virtio_alloc_pages) where a boundary falls inside one. The
 * tables stay identity mapped, so the code running now is mapped the same
 * way before and after; one CR3 reload flushes the TLB at the end. NX is
 * used only when the CPU has it (EFER.NXE is set here); CR0.WP is set by
 * entry32.S, so ring 0 cannot write read-only pages either.
 */
#include "virtio.h"
#include "cpu.h"
#include "cpu_sys.h"

#define PTE_P (1ULL << 0)
#define PTE_RW (1ULL << 1)
#define PTE_PWT (1ULL << 3)
#define PTE_PCD (1ULL << 4)
#define PTE_PS (1ULL << 7)
#define PTE_NX (1ULL << 63)

#define PAGE_2M 0x200000ULL
#define NPD_ENTRIES 2048 /* 4 GiB of 2 MiB pages, four PDs in a row */
#define CPUID_80000001_EDX_NX (1U << 20)

extern uint64_t __kiln_boot_pml4[], __kiln_boot_pd[]; /* entry32.S */
extern char __kiln_load_start[], __kiln_rodata_start[], __kiln_data_start[];

struct layout {
    uint64_t text, rodata, data;      /* the image's segments          */
    uint64_t guard, stack_bottom;     /* the stack guard               */
    uint64_t mem_size, window;        /* end of RAM, device window     */
    uint64_t nx;                      /* PTE_NX, or 0 without NX       */
};

/* The entry bits for the 4 KiB page (or uniform 2 MiB region) at a. */
static uint64_t attr(const struct layout *l, uint64_t a)
{
    if (a < KILN_PAGE_SIZE)
        return 0;
    if (a >= l->text && a < l->rodata)
        return PTE_P;
    if (a >= l->rodata && a < l->data)
        return PTE_P | l->nx;
    if (a >= l->guard && a < l->stack_bottom)
        return 0;
    if (a < l->mem_size)
        return PTE_P | PTE_RW | l->nx;
    if (a >= l->window)
        return PTE_P | PTE_RW | PTE_PCD | PTE_PWT | l->nx;
    return 0;
}

/* Does a boundary of the layout fall inside the 2 MiB region at r? */
static int needs_small_pages(const struct layout *l, uint64_t r)
{
    const uint64_t b[] = {KILN_PAGE_SIZE, l->text, l->rodata, l->data,
                          l->guard, l->stack_bottom, l->mem_size, l->window};

    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        if (b[i] > r && b[i] < r + PAGE_2M)
            return 1;
    return 0;
}

static int cpu_has_nx(void)
{
    uint32_t a, b, c, d;

    cpu_cpuid(0x80000000, &a, &b, &c, &d);
    if (a < 0x80000001)
        return 0;
    cpu_cpuid(0x80000001, &a, &b, &c, &d);
    return (d & CPUID_80000001_EDX_NX) != 0;
}

void virtio_paging_init(uint64_t mem_size,
                        const struct kiln_stack_layout *stack)
{
    struct layout l = {
        .text = (uintptr_t)__kiln_load_start,
        .rodata = (uintptr_t)__kiln_rodata_start,
        .data = (uintptr_t)__kiln_data_start,
        .guard = stack->guard_start,
        .stack_bottom = stack->stack_bottom,
        .mem_size = mem_size,
        .window = VIRTIO_DEVICE_WINDOW,
    };

    if (cpu_has_nx()) {
        cpu_wrmsr(MSR_EFER, cpu_rdmsr(MSR_EFER) | EFER_NXE);
        l.nx = PTE_NX;
    }
    for (uint64_t i = 0; i < NPD_ENTRIES; i++) {
        uint64_t r = i * PAGE_2M;
        uint64_t e;

        if (needs_small_pages(&l, r)) {
            uint64_t *pt = virtio_alloc_pages(1);
            for (uint64_t j = 0; j < 512; j++) {
                uint64_t a = r + j * KILN_PAGE_SIZE;
                uint64_t bits = attr(&l, a);
                pt[j] = bits ? a | bits : 0;
            }
            /* The PD entry allows all; the PT entries restrict. */
            e = (uintptr_t)pt | PTE_P | PTE_RW;
        } else {
            uint64_t bits = attr(&l, r);
            e = bits ? r | bits | PTE_PS : 0;
        }
        __kiln_boot_pd[i] = e;
    }
    cpu_write_cr3((uintptr_t)__kiln_boot_pml4);
}
