/*
 * Kiln boot shim, spt: the entry point.
 *
 * The tender jumps here in its own process with rsp = mem_size - 8 and
 * rdi = the boot info (SPT_BOOT_INFO_BASE), after loading the image (bss
 * zeroed) and installing its seccomp filter. No stack protector here: _start
 * changes the canary and must not check it.
 */
#include "spt.h"

int spt_epollfd = -1;
int spt_timerfd = -1;

void _start(const struct spt_boot_info *bi)
    __attribute__((noreturn, no_stack_protector));

void _start(const struct spt_boot_info *bi)
{
    __stack_chk_guard = kiln_ssp_canary();
    spt_epollfd = bi->epollfd;
    spt_timerfd = bi->timerfd;

    struct kiln_boot_args args = {
        .cmdline = bi->cmdline,
        .mem_size = bi->mem_size,
        .kernel_end = bi->kernel_end,
        .mft = bi->mft,
        .platform = "spt",
    };
    kiln_boot_main(&args);
}
