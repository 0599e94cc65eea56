/*
 * Kiln boot shim, hvt: solo5_yield, a POLL hypercall with a relative timeout.
 */
#include "hvt.h"

void solo5_yield(solo5_time_t deadline, solo5_handle_set_t *ready_set)
{
    solo5_time_t now = solo5_clock_monotonic();
    struct hvt_hc_poll poll = {
        .timeout_nsecs = deadline > now ? deadline - now : 0,
    };

    hvt_do_hypercall(HVT_HYPERCALL_POLL, &poll);
    if (ready_set != NULL)
        *ready_set = poll.ret > 0 ? poll.ready_set : 0;
}
