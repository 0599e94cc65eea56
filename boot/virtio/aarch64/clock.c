/*
 * Kiln boot shim, virtio on aarch64: the clocks.
 *
 * Monotonic time is the generic timer's (../../aarch64/generic_timer.c).
 * Wall-clock time reads the PL031 RTC's seconds (its data register) once,
 * on the first call, and then adds the monotonic time elapsed since
 * (common/wall_clock.c), as on x86_64 with the CMOS clock.
 */
#include "virt.h"
#include "aarch64.h"

#define NSEC_PER_SEC 1000000000ULL
#define PL031_DR 0x00 /* seconds since 1970, as QEMU sets it */

static uintptr_t rtc; /* 0: the device tree has no PL031 */

void virt_rtc_use(uintptr_t base)
{
    rtc = base;
}

solo5_time_t solo5_clock_monotonic(void)
{
    return aarch64_clock_ns();
}

static uint64_t rtc_wall_ns(void)
{
    if (rtc == 0) {
        if (kiln_log_level >= KILN_LOG_WARN)
            kiln_puts("kiln: virtio: no PL031 RTC in the device tree; the"
                      " wall clock counts from 1970-01-01\n");
        return 0;
    }
    return (uint64_t)*(volatile uint32_t *)(rtc + PL031_DR) * NSEC_PER_SEC;
}

solo5_time_t solo5_clock_wall(void)
{
    return kiln_wall_clock_from(rtc_wall_ns);
}
