/*
 * launch.c: the last step: seal the process and enter the guest.
 */
#include "sandbox.h"
#include "spt.h"

/*
 * Where a debugger stops before the guest runs (scripts/kiln-gdb, make
 * gdb): the image is loaded and protected, nothing of it has run. A
 * breakpoint in the image set earlier would be overwritten by the loading.
 * noipa: the call stays, whatever the optimiser makes of an empty body.
 */
__attribute__((noipa)) void spt_guest_ready(uint64_t entry)
{
    __asm__ __volatile__("" : : "r"(entry) : "memory");
}

void spt_launch(struct tender_guest *g, uint64_t entry)
{
    /* x86_64 ABI: at a function's entry, (rsp + 8) is 16-byte aligned. */
    uint64_t sp = g->mem_size - 8;
    uint64_t boot_info = SPT_BOOT_INFO_BASE;

    spt_guest_ready(entry);
    spt_catch_faults(g);
    sandbox_load(g->filter);
    g->filter = NULL;

    /*
     * Fixed registers for the inputs: the asm zeroes rbp (the guest's
     * outermost frame), so no input may be given to it there ("r" could
     * pick rbp, and did).
     */
    __asm__ __volatile__("mov %[sp], %%rsp\n\t"
                         "xor %%ebp, %%ebp\n\t"
                         "cld\n\t"
                         "jmp *%[entry]"
                         :
                         : [sp] "c"(sp), [entry] "a"(entry), "D"(boot_info)
                         : "memory");
    __builtin_unreachable();
}
