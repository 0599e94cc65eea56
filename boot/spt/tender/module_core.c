/*
 * module_core.c: the filter every spt guest gets: exit, its TLS base, and
 * stderr for the tender's own fault reports (see faults.c).
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <asm/prctl.h>
#include <errno.h>
#include <string.h>

#include "sandbox.h"
#include "spt.h"

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)mft;
    g->filter = seccomp_init(SCMP_ACT_TRAP);
    if (g->filter == NULL)
        tender_fail("seccomp: cannot create a filter");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(exit_group), 0),
                  "exit_group");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(arch_prctl), 1,
                                   SCMP_A0(SCMP_CMP_EQ, ARCH_SET_FS)),
                  "arch_prctl(ARCH_SET_FS)");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                                   SCMP_A0(SCMP_CMP_EQ, 2)),
                  "write(2, ...) for fault reports");
}

const struct tender_module spt_module_core = {
    .name = "core",
    .setup = setup,
};
