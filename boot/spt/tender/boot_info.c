/*
 * boot_info.c: what the spt guest finds at SPT_BOOT_INFO_BASE: the boot
 * info, then the manifest copy (devices attached, host fds included: on spt
 * the guest makes the system calls on them itself), then the command line.
 */
#include <string.h>

#include "spt.h"

void spt_write_boot_info(struct tender_guest *g, uint64_t kernel_end,
                         const struct mft *mft, size_t mft_size,
                         char *const *app_argv)
{
    uintptr_t at = SPT_BOOT_INFO_BASE;
    struct spt_boot_info *bi = (struct spt_boot_info *)at;
    _Static_assert(SPT_BOOT_INFO_BASE + sizeof(struct spt_boot_info) +
                       MFT1_NOTE_MAX_SIZE + SPT_CMDLINE_SIZE < SPT_GUEST_MIN_BASE,
                   "boot info, manifest and command line fit below the image");

    at += sizeof *bi;
    bi->mem_size = g->mem_size;
    bi->kernel_end = kernel_end;
    bi->epollfd = g->epollfd;
    bi->timerfd = g->timerfd;

    at = (at + 7) & ~(uintptr_t)7;
    memcpy((void *)at, mft, mft_size);
    bi->mft = (const void *)at;
    at += mft_size;

    tender_join_cmdline((char *)at, SPT_CMDLINE_SIZE, app_argv);
    bi->cmdline = (const char *)at;
}
