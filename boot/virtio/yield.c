/*
 * Kiln boot shim, virtio: solo5_yield. Nothing raises interrupts here, so
 * it polls: the net devices (virtio_poll, devices code) and the clock, with
 * `pause` between rounds, until a frame is waiting or the deadline passes.
 * The devices are asked at least once, even for a deadline already past.
 */
#include "virtio.h"
#include "cpu.h"

void solo5_yield(solo5_time_t deadline, solo5_handle_set_t *ready_set)
{
    solo5_handle_set_t ready = 0;

    while (!virtio_poll(&ready) && solo5_clock_monotonic() < deadline)
        cpu_pause();
    if (ready_set != NULL)
        *ready_set = ready;
}
