/*
 * Kiln boot shim, virtio on aarch64: solo5_yield. No net device is driven
 * on virt yet and nothing raises interrupts, so it waits for the deadline,
 * the `yield` hint between readings of the clock. Nothing is ever ready.
 */
#include "virt.h"

void solo5_yield(solo5_time_t deadline, solo5_handle_set_t *ready_set)
{
    while (solo5_clock_monotonic() < deadline)
        __asm__ __volatile__("yield");
    if (ready_set != NULL)
        *ready_set = 0;
}
