/*
 * Kiln boot shim, virtio: the clocks.
 *
 * Monotonic time is the TSC scaled to nanoseconds as on hvt
 * (x86_64/tsc_clock.h). The frequency is found on the first call (tsc.c), not
 * at boot: that may take 10 ms of measuring, which an application that
 * never reads the clock should not pay. Ticks count from boot all the same.
 *
 * Wall-clock time reads the CMOS clock (rtc.c) once, on the first call,
 * and then adds the monotonic time elapsed since (common/wall_clock.c):
 * the RTC has whole seconds only, so the wall clock is within a second of
 * the host's.
 */
#include "virtio.h"
#include "tsc_clock.h"

#define NSEC_PER_SEC 1000000000ULL

static struct tsc_clock tsc; /* tsc.mult is 0 until the frequency is known */

void virtio_clock_init(void)
{
    tsc_clock_start(&tsc);
}

static void clock_calibrate(void)
{
    const char *source;
    uint64_t hz = virtio_tsc_hz(&source);

    tsc_clock_set_hz(&tsc, hz);
    if (kiln_log_level >= KILN_LOG_DEBUG) {
        struct kiln_line l = {.len = 0};
        kiln_line_str(&l, "kiln: virtio: TSC ");
        kiln_line_dec(&l, hz / 1000);
        kiln_line_str(&l, " kHz (");
        kiln_line_str(&l, source);
        kiln_line_str(&l, ")\n");
        kiln_line_flush(&l);
    }
}

solo5_time_t solo5_clock_monotonic(void)
{
    if (tsc.mult == 0)
        clock_calibrate();
    return tsc_clock_ns(&tsc);
}

static uint64_t rtc_wall_ns(void)
{
    uint64_t seconds = 0;
    if (virtio_rtc_seconds(&seconds) != 0 && kiln_log_level >= KILN_LOG_WARN)
        kiln_puts("kiln: virtio: no CMOS clock on this machine; the wall"
                  " clock counts from 1970-01-01 (QEMU: rtc=on)\n");
    return seconds * NSEC_PER_SEC;
}

solo5_time_t solo5_clock_wall(void)
{
    return kiln_wall_clock_from(rtc_wall_ns);
}
