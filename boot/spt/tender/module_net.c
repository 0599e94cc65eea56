/*
 * module_net.c: network devices. The guest reads and writes frames on the
 * tap fd itself; the fd joins the wait set with the device's handle as its
 * data, so solo5_yield can say which device is ready.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>

#include "devices.h"
#include "sandbox.h"
#include "spt.h"

static void setup(struct tender_guest *g, struct mft *mft)
{
    char rule[128];

    dev_net_finish(mft);
    for (unsigned i = 1; i < mft->entries; i++) {
        const struct mft_entry *e = &mft->e[i];
        if (e->type != MFT_DEV_NET_BASIC || !e->attached)
            continue;
        struct epoll_event ev = {.events = EPOLLIN, .data.u64 = i};
        if (epoll_ctl(g->epollfd, EPOLL_CTL_ADD, e->b.hostfd, &ev) != 0)
            tender_fail("net device '%s': cannot add its fd to the wait set: %s",
                        e->name, strerror(errno));
        snprintf(rule, sizeof rule, "read/write on net device '%s'", e->name);
        sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(read), 1,
                                       SCMP_A0(SCMP_CMP_EQ, (unsigned)e->b.hostfd)),
                      rule);
        sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                                       SCMP_A0(SCMP_CMP_EQ, (unsigned)e->b.hostfd)),
                      rule);
    }
}

const struct tender_module spt_module_net = {
    .name = "net",
    .usage = DEV_NET_USAGE,
    .option = dev_net_option,
    .setup = setup,
};
