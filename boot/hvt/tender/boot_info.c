/*
 * boot_info.c: what the guest finds at HVT_BOOT_INFO_BASE (read-only to
 * it): the boot info, the manifest with its devices attached, and the
 * command line.
 */
#include <string.h>

#include "hvt.h"
#include "x86_64.h"

void hvt_write_boot_info(struct tender_guest *g, uint64_t kernel_end,
                         const struct mft *mft, size_t mft_size,
                         char *const *app_argv)
{
    uint64_t at = HVT_BOOT_INFO_BASE;
    struct hvt_boot_info *bi = (struct hvt_boot_info *)(g->mem + at);
    _Static_assert(HVT_BOOT_INFO_BASE + sizeof(struct hvt_boot_info) +
                       MFT1_NOTE_MAX_SIZE + HVT_CMDLINE_SIZE <= X86_PT_POOL2_BASE,
                   "boot info, manifest and command line stay below the page tables");

    memset(bi, 0, sizeof *bi);
    bi->mem_size = g->ring_gpa ? g->ring_gpa : g->mem_size;
    bi->kernel_end = kernel_end;
    bi->cpu_cycle_freq = g->tsc_hz;
    if (g->ring_gpa != 0) {
        bi->host_features = HVT_FEATURE_RING_IO;
        bi->net_ring = g->ring_gpa;
    }
    at += sizeof *bi;

    struct mft *copy = (struct mft *)(g->mem + at);
    memcpy(copy, mft, mft_size);
    for (unsigned i = 0; i < copy->entries; i++)
        memset(&copy->e[i].b, 0, sizeof copy->e[i].b); /* host fds are not the guest's */
    bi->mft = at;
    at += mft_size;

    tender_join_cmdline((char *)(g->mem + at), HVT_CMDLINE_SIZE, app_argv);
    bi->cmdline = at;
}
