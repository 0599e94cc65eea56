/*
 * Kiln boot shim: a wall clock read from the host once, then kept by the
 * monotonic clock (hvt: the WALLTIME hypercall; virtio: the CMOS clock).
 *
 * The first call pays for the host's reading (a hypercall, or port I/O that
 * exits to the hypervisor); later calls add the monotonic time elapsed
 * since, so boot pays nothing and the two clocks never disagree on how much
 * time passed.
 */
#include "boot.h"

solo5_time_t kiln_wall_clock_from(uint64_t (*read_host_wall_ns)(void))
{
    static uint64_t wall_at_sync, mono_at_sync;
    static int synced;

    if (!synced) {
        /* The monotonic clock may set itself up on its first call
         * (virtio measures the TSC): not between the two readings. */
        (void)solo5_clock_monotonic();
        wall_at_sync = read_host_wall_ns();
        mono_at_sync = solo5_clock_monotonic();
        synced = 1;
    }
    return wall_at_sync + (solo5_clock_monotonic() - mono_at_sync);
}
