/*
 * launch.c: the last step: seal the process and enter the guest.
 */
#include "sandbox.h"
#include "spt.h"

void spt_launch(struct tender_guest *g, uint64_t entry)
{
    /* x86_64 ABI: at a function's entry, (rsp + 8) is 16-byte aligned. */
    uint64_t sp = g->mem_size - 8;
    uint64_t boot_info = SPT_BOOT_INFO_BASE;

    spt_catch_faults(g);
    sandbox_load(g->filter);
    g->filter = NULL;

    __asm__ __volatile__("mov %[sp], %%rsp\n\t"
                         "xor %%ebp, %%ebp\n\t"
                         "cld\n\t"
                         "jmp *%[entry]"
                         :
                         : [sp] "r"(sp), [entry] "r"(entry), "D"(boot_info)
                         : "memory");
    __builtin_unreachable();
}
