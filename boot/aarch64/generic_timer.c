/*
 * Kiln boot shim, aarch64: monotonic time from the generic timer's virtual
 * counter (CNTVCT_EL0), readable at EL1 without a trap, at the fixed
 * frequency the firmware wrote to CNTFRQ_EL0 (62.5 MHz under QEMU 7.2's
 * virt). ns = ticks * (10^9 << 32 / hz) >> 32, in 128-bit arithmetic:
 * exact to well under a nanosecond per second.
 */
#include "boot.h"
#include "aarch64.h"
#include "cpu.h"

#define NSEC_PER_SEC 1000000000ULL

static uint64_t boot_ticks, mult; /* mult: ns per tick, 32.32 fixed point */

void aarch64_clock_init(void)
{
    uint64_t hz = cpu_counter_hz();

    if (hz == 0)
        kiln_fatal("aarch64: CNTFRQ_EL0 is 0: the firmware did not set the "
                   "generic timer's frequency");
    mult = (NSEC_PER_SEC << 32) / hz;
    boot_ticks = cpu_counter();
}

uint64_t aarch64_clock_ns(void)
{
    uint64_t ticks = cpu_counter() - boot_ticks;
    return (uint64_t)(((unsigned __int128)ticks * mult) >> 32);
}
