/*
 * Kiln boot shim, spt: solo5_yield.
 *
 * The tender's epoll set holds every net device (event data = its handle)
 * and a timerfd (event data = SPT_INTERNAL_TIMERFD). Arm the timerfd with the
 * absolute deadline, then wait for any of them.
 */
#include "spt.h"

#define NSEC_PER_SEC 1000000000ULL

void solo5_yield(solo5_time_t deadline, solo5_handle_set_t *ready_set)
{
    struct spt_epoll_event events[MFT_MAX_ENTRIES + 1];
    struct spt_itimerspec it = {
        .it_value = {.tv_sec = (int64_t)(deadline / NSEC_PER_SEC),
                     .tv_nsec = (int64_t)(deadline % NSEC_PER_SEC)}};
    solo5_handle_set_t ready = 0;
    long n;

    /*
     * An all-zero it_value disarms the timer instead of firing it, and the
     * wait below would never end: a deadline of 0 becomes 1 ns.
     */
    it.it_value.tv_nsec |= 1;
    if (spt_syscall4(SYS_timerfd_settime, spt_timerfd, SPT_TFD_TIMER_ABSTIME,
                     (long)&it, 0) != 0)
        kiln_fatal("spt: timerfd_settime failed in solo5_yield");
    do {
        n = spt_syscall6(SYS_epoll_pwait, spt_epollfd, (long)events,
                         MFT_MAX_ENTRIES + 1, -1, 0, 0);
    } while (n == -SPT_EINTR);
    if (n < 0)
        kiln_fatal("spt: epoll_pwait failed in solo5_yield");
    for (long i = 0; i < n; i++) {
        uint64_t data = events[i].data;
        if (data != (uint64_t)SPT_INTERNAL_TIMERFD && data < MFT_MAX_ENTRIES)
            ready |= 1ULL << data;
    }
    if (ready_set != NULL)
        *ready_set = ready;
}
