/*
 * Kiln boot shim, hvt: the entry point.
 *
 * The tender enters here in long mode with rsp = mem_size - 8 (so the stack
 * is aligned as after a call) and rdi = the boot info (HVT_BOOT_INFO_BASE);
 * the image's bss is already zero. No stack protector here: _start changes
 * the canary and must not check it.
 */
#include "hvt.h"

void _start(const struct hvt_boot_info *bi)
    __attribute__((noreturn, no_stack_protector));

void _start(const struct hvt_boot_info *bi)
{
    __stack_chk_guard = kiln_ssp_canary();
    x86_trap_init();
    hvt_clock_init(bi->cpu_cycle_freq);
    hvt_net_init(bi);

    struct kiln_boot_args args = {
        .cmdline = bi->cmdline,
        .mem_size = bi->mem_size,
        .kernel_end = bi->kernel_end,
        .mft = bi->mft,
        .platform = "hvt",
    };
    kiln_boot_main(&args);
}
