/*
 * module_block.c: block devices. The guest calls pread64/pwrite64 on the
 * device's fd itself; the filter allows exactly one block, starting inside
 * the device, so a guest cannot grow the file or touch another one.
 * (Offset alignment is the guest's to keep: libseccomp takes one comparison
 * per argument and a rule, and the bound matters more.)
 */
#include <stdio.h>

#include "devices.h"
#include "sandbox.h"
#include "spt.h"

static void allow_io(struct tender_guest *g, const struct mft_entry *e, int nr,
                     const char *what)
{
    uint64_t bs = e->u.block_basic.block_size;
    uint64_t last = e->u.block_basic.capacity - bs;
    char rule[128];

    snprintf(rule, sizeof rule, "%s on block device '%s'", what, e->name);
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, nr, 3,
                                   SCMP_A0(SCMP_CMP_EQ, (unsigned)e->b.hostfd),
                                   SCMP_A2(SCMP_CMP_EQ, bs),
                                   SCMP_A3(SCMP_CMP_LE, last)),
                  rule);
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    dev_block_finish(mft);
    for (unsigned i = 1; i < mft->entries; i++) {
        const struct mft_entry *e = &mft->e[i];
        if (e->type != MFT_DEV_BLOCK_BASIC || !e->attached)
            continue;
        allow_io(g, e, SCMP_SYS(pread64), "pread64");
        allow_io(g, e, SCMP_SYS(pwrite64), "pwrite64");
    }
}

const struct tender_module spt_module_block = {
    .name = "block",
    .usage = DEV_BLOCK_USAGE,
    .option = dev_block_option,
    .setup = setup,
};
