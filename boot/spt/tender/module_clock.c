/*
 * module_clock.c: clocks and waiting. The guest reads the clocks with
 * clock_gettime and waits (solo5_yield) with epoll_pwait on the wait set,
 * which holds the net devices and a timerfd it arms for its deadline.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>

#include "sandbox.h"
#include "spt.h"

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)mft;
    g->epollfd = epoll_create1(EPOLL_CLOEXEC);
    if (g->epollfd < 0)
        tender_fail("clock: epoll_create1: %s", strerror(errno));
    g->timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (g->timerfd < 0)
        tender_fail("clock: timerfd_create: %s", strerror(errno));
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = SPT_INTERNAL_TIMERFD};
    if (epoll_ctl(g->epollfd, EPOLL_CTL_ADD, g->timerfd, &ev) != 0)
        tender_fail("clock: epoll_ctl: %s", strerror(errno));

    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(clock_gettime),
                                   1, SCMP_A0(SCMP_CMP_EQ, CLOCK_MONOTONIC)),
                  "clock_gettime(CLOCK_MONOTONIC)");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(clock_gettime),
                                   1, SCMP_A0(SCMP_CMP_EQ, CLOCK_REALTIME)),
                  "clock_gettime(CLOCK_REALTIME)");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW, SCMP_SYS(epoll_pwait),
                                   1, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->epollfd)),
                  "epoll_pwait on the wait set");
    sandbox_check(seccomp_rule_add(g->filter, SCMP_ACT_ALLOW,
                                   SCMP_SYS(timerfd_settime), 1,
                                   SCMP_A0(SCMP_CMP_EQ, (unsigned)g->timerfd)),
                  "timerfd_settime on the deadline timer");
}

const struct tender_module spt_module_clock = {
    .name = "clock",
    .setup = setup,
};
