/*
 * module_clock.c: WALLTIME, and POLL: wait up to a timeout for input on
 * any net device. The wait set is an epoll set holding the devices' fds
 * (their handle as data) and a timerfd for the timeout, which gives
 * nanosecond timeouts and lets an interrupted wait simply restart.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>

#include "hvt.h"

/*
 * epoll data of the timerfd, and of anything else that only wakes a POLL
 * up (gdb's connection): no handle is this big.
 */
#define TIMER_DATA (~0ULL)
#define MAX_TIMEOUT_S (365ULL * 24 * 3600) /* the guest re-polls after a year */

static int waitset = -1, timer = -1;
static unsigned nfds = 1; /* the timer */

int hvt_waitset_fd(void)
{
    return waitset;
}

int hvt_timer_fd(void)
{
    return timer;
}

void hvt_waitset_add_wakeup(int fd)
{
    hvt_waitset_add(fd, TIMER_DATA);
}

void hvt_waitset_add(int fd, uint64_t handle)
{
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = handle};

    if (epoll_ctl(waitset, EPOLL_CTL_ADD, fd, &ev) != 0)
        tender_fail("clock: cannot add fd %d to the wait set: %s", fd,
                    strerror(errno));
    nfds++;
}

static void hypercall_walltime(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_walltime w;
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    w.nsecs = (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
    hvt_copy_out(g, gpa, &w, sizeof w);
}

static void hypercall_poll(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_poll p;
    struct epoll_event events[MFT_MAX_ENTRIES + 1];
    int n;

    hvt_copy_in(g, gpa, &p, sizeof p);
    uint64_t s = p.timeout_nsecs / 1000000000ULL;
    struct itimerspec it = {
        .it_value = {.tv_sec = (time_t)(s > MAX_TIMEOUT_S ? MAX_TIMEOUT_S : s),
                     /* never all zero: that would disarm the timer */
                     .tv_nsec = (long)(p.timeout_nsecs % 1000000000ULL) | 1}};
    if (timerfd_settime(timer, 0, &it, NULL) != 0)
        tender_fail("clock: timerfd_settime: %s", strerror(errno));
    do
        n = epoll_pwait(waitset, events, (int)nfds, -1, NULL);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        tender_fail("clock: epoll_pwait: %s", strerror(errno));

    p.ready_set = 0;
    p.ret = 0;
    for (int i = 0; i < n; i++) {
        if (events[i].data.u64 == TIMER_DATA)
            continue;
        p.ready_set |= 1ULL << events[i].data.u64;
        p.ret++;
    }
    hvt_copy_out(g, gpa, &p, sizeof p);
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)g;
    (void)mft;
    waitset = epoll_create1(EPOLL_CLOEXEC);
    timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (waitset < 0 || timer < 0)
        tender_fail("clock: cannot create the wait set: %s", strerror(errno));
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TIMER_DATA};
    if (epoll_ctl(waitset, EPOLL_CTL_ADD, timer, &ev) != 0)
        tender_fail("clock: epoll_ctl: %s", strerror(errno));
    hvt_register_hypercall(HVT_HYPERCALL_WALLTIME, "WALLTIME", hypercall_walltime);
    hvt_register_hypercall(HVT_HYPERCALL_POLL, "POLL", hypercall_poll);
}

const struct tender_module hvt_module_clock = {
    .name = "clock",
    .setup = setup,
};
