/*
 * x86_64.h: the guest's low memory layout and the x86 bits kiln-hvt sets.
 * The layout is the hvt ABI's (see kiln/hvt_abi.h); the page table pools at
 * 0x9000-0xffff (not mapped for the guest) and 0x80000-0xfffff (read-only
 * to it, like all of the boot info area) are Kiln's own.
 */
#ifndef KILN_HVT_X86_64_H
#define KILN_HVT_X86_64_H

#define X86_GDT_BASE 0x1000
#define X86_PML4_BASE 0x2000
#define X86_PDPT_BASE 0x3000
#define X86_PD_BASE 0x4000     /* four page directories, 1 GiB each */
#define X86_PD_COUNT 4
#define X86_PT0_BASE 0x8000    /* 4 KiB pages for the first 2 MiB   */
#define X86_PT_POOL_BASE 0x9000 /* more 4 KiB page tables for the image */
#define X86_PT_POOL_END 0x10000
/* When those seven run out: the top half of the boot info area, which the
 * boot info, manifest and command line (< 16 KiB at 0x10000) never reach. */
#define X86_PT_POOL2_BASE 0x80000
#define X86_PT_POOL2_END 0x100000
#define X86_LOW_UNMAPPED_END 0x10000 /* below: not present to the guest */

#define X86_PAGE_SIZE 0x1000UL
#define X86_LARGE_PAGE_SIZE 0x200000UL

/* Page table entry bits. */
#define X86_PTE_P (1ULL << 0)
#define X86_PTE_RW (1ULL << 1)
#define X86_PTE_PS (1ULL << 7)
#define X86_PTE_NX (1ULL << 63)

/* Control registers at entry. */
#define X86_CR0_PE (1UL << 0)
#define X86_CR0_NE (1UL << 5)
#define X86_CR0_WP (1UL << 16)
#define X86_CR0_PG (1UL << 31)
#define X86_CR4_PAE (1UL << 5)
#define X86_CR4_OSFXSR (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define X86_EFER_LME (1UL << 8)
#define X86_EFER_LMA (1UL << 10)
#define X86_EFER_NXE (1UL << 11)
#define X86_RFLAGS_RESERVED (1UL << 1)

/* GDT selectors (index * 8). */
#define X86_SEL_CODE 0x08
#define X86_SEL_DATA 0x10

#endif /* KILN_HVT_X86_64_H */
