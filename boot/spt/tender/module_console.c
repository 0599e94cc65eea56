/*
 * module_console.c: the console is the tender's stdout.
 */
#include "sandbox.h"
#include "spt.h"

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)mft;
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                                   SCMP_A0(SCMP_CMP_EQ, 1)),
                  "write(1, ...) for the console");
}

const struct tender_module spt_module_console = {
    .name = "console",
    .setup = setup,
};
