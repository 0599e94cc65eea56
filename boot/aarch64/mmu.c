/*
 * Kiln boot shim, aarch64 at EL1: identity page tables and the MMU.
 *
 * 4 KiB granule, 39-bit addresses (TTBR0_EL1 only, T0SZ = 25), so the walk
 * starts at level 1 (1 GiB per entry), then level 2 (2 MiB blocks) and
 * level 3 (4 KiB pages). Tables come from a pool in .bss. Memory
 * attributes (MAIR_EL1): index 0 Device-nGnRnE, index 1 normal memory,
 * write-back cached. Nothing is accessible from EL0, and no page is both
 * writable and executable (SCTLR_EL1.WXN makes the CPU refuse it too).
 *
 * Before the MMU is on every data access is Device-nGnRnE, where an
 * unaligned access faults: the shim is built with -mstrict-align.
 */
#include "boot.h"
#include "aarch64.h"
#include "cpu.h"

#define ENTRIES 512
#define POOL_TABLES 24
#define VA_BITS 39

#define DESC_VALID (1UL << 0)
#define DESC_TABLE (1UL << 1) /* levels 1, 2: a table; level 3: a page */
#define DESC_ATTR(i) ((uint64_t)(i) << 2)
#define DESC_AP_RO (1UL << 7)
#define DESC_SH_INNER (3UL << 8)
#define DESC_AF (1UL << 10)
#define DESC_PXN (1UL << 53)
#define DESC_UXN (1UL << 54)
#define DESC_ADDR_MASK 0x0000fffffffff000UL

#define MAIR_DEVICE_NGNRNE 0x00UL
#define MAIR_NORMAL_WB 0xffUL
#define ATTR_DEVICE 0
#define ATTR_NORMAL 1

#define TCR_T0SZ (64UL - VA_BITS)
#define TCR_IRGN0_WBWA (1UL << 8)
#define TCR_ORGN0_WBWA (1UL << 10)
#define TCR_SH0_INNER (3UL << 12)
#define TCR_TG0_4K (0UL << 14)
#define TCR_EPD1 (1UL << 23)
#define TCR_IPS_SHIFT 32

#define SCTLR_M (1UL << 0)
#define SCTLR_A (1UL << 1)
#define SCTLR_C (1UL << 2)
#define SCTLR_I (1UL << 12)
#define SCTLR_WXN (1UL << 19)

static uint64_t pool[POOL_TABLES][ENTRIES] __attribute__((aligned(4096)));
static unsigned pool_used;
static uint64_t *root; /* the level-1 table */

static uint64_t *new_table(void)
{
    if (pool_used == POOL_TABLES)
        kiln_fatal("aarch64: out of page tables (mmu.c POOL_TABLES); "
                   "fewer, larger memory ranges need fewer");
    return pool[pool_used++]; /* .bss: already zero */
}

static uint64_t leaf_bits(enum aarch64_map_kind kind)
{
    switch (kind) {
    case AARCH64_MAP_DEVICE:
        return DESC_ATTR(ATTR_DEVICE) | DESC_AF | DESC_PXN | DESC_UXN;
    case AARCH64_MAP_RW:
        return DESC_ATTR(ATTR_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_PXN |
               DESC_UXN;
    case AARCH64_MAP_RO:
        return DESC_ATTR(ATTR_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_AP_RO |
               DESC_PXN | DESC_UXN;
    case AARCH64_MAP_RX:
    default:
        return DESC_ATTR(ATTR_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_AP_RO |
               DESC_UXN;
    }
}

/* The table entry at *slot points to, made if empty. */
static uint64_t *next_level(uint64_t *slot)
{
    if (*slot == 0) {
        uint64_t *t = new_table();
        *slot = (uint64_t)(uintptr_t)t | DESC_TABLE | DESC_VALID;
    } else if ((*slot & (DESC_TABLE | DESC_VALID)) != (DESC_TABLE | DESC_VALID)) {
        kiln_fatal("aarch64: overlapping memory mappings (mmu.c)");
    }
    return (uint64_t *)(uintptr_t)(*slot & DESC_ADDR_MASK);
}

void aarch64_map(uint64_t start, uint64_t end, enum aarch64_map_kind kind)
{
    const uint64_t block = 1UL << 21, page = 1UL << 12;
    uint64_t bits = leaf_bits(kind);

    if (start % page != 0 || end % page != 0 || end < start ||
        end > (1UL << VA_BITS))
        kiln_fatal("aarch64: a memory range to map is not page aligned or "
                   "is beyond 512 GiB (mmu.c)");
    if (root == NULL)
        root = new_table();
    for (uint64_t va = start; va < end;) {
        uint64_t *l2 = next_level(&root[(va >> 30) % ENTRIES]);
        uint64_t *slot2 = &l2[(va >> 21) % ENTRIES];
        if (va % block == 0 && end - va >= block && *slot2 == 0) {
            *slot2 = va | bits | DESC_VALID; /* a 2 MiB block */
            va += block;
            continue;
        }
        uint64_t *l3 = next_level(slot2);
        uint64_t *slot3 = &l3[(va >> 12) % ENTRIES];
        if (*slot3 != 0)
            kiln_fatal("aarch64: overlapping memory mappings (mmu.c)");
        *slot3 = va | bits | DESC_TABLE | DESC_VALID; /* a 4 KiB page */
        va += page;
    }
}

void aarch64_mmu_enable(void)
{
    /* The physical address size the CPU has (ID_AA64MMFR0_EL1.PARange). */
    uint64_t parange = cpu_read_sysreg(id_aa64mmfr0_el1) & 0xf;
    if (parange > 5)
        parange = 5; /* 48 bits: the largest with 4 KiB pages and no LPA */

    cpu_write_sysreg(mair_el1, MAIR_DEVICE_NGNRNE << (8 * ATTR_DEVICE) |
                                   MAIR_NORMAL_WB << (8 * ATTR_NORMAL));
    cpu_write_sysreg(tcr_el1, TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
                                  TCR_SH0_INNER | TCR_TG0_4K | TCR_EPD1 |
                                  parange << TCR_IPS_SHIFT);
    cpu_write_sysreg(ttbr0_el1, (uint64_t)(uintptr_t)root);
    __asm__ __volatile__("dsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                         : : : "memory");
    uint64_t sctlr = cpu_read_sysreg(sctlr_el1);
    sctlr |= SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_WXN;
    sctlr &= ~SCTLR_A;
    cpu_write_sysreg(sctlr_el1, sctlr);
    cpu_isb();
}
