/*
 * Kiln boot shim, virtio: the clocks.
 *
 * Monotonic time is the TSC scaled to nanoseconds as on hvt
 * (boot/hvt/clock.c): ns = ticks * mult >> 32, mult = 10^9 * 2^32 / tsc_hz,
 * a 128-bit product. The frequency is found on the first call (tsc.c), not
 * at boot: that may take 10 ms of measuring, which an application that
 * never reads the clock should not pay. Ticks count from boot all the same.
 *
 * Wall-clock time reads the CMOS clock (rtc.c) once, on the first call,
 * and then adds the monotonic time elapsed since: the RTC has whole
 * seconds only, so the wall clock is within a second of the host's.
 */
#include "virtio.h"
#include "cpu.h"

#define NSEC_PER_SEC 1000000000ULL

static uint64_t tsc_at_boot;
static uint64_t tsc_mult; /* ns per tick, 32.32 fixed point; 0 until known */

void virtio_clock_init(void)
{
    tsc_at_boot = cpu_rdtsc();
}

static void clock_calibrate(void)
{
    const char *source;
    uint64_t hz = virtio_tsc_hz(&source);

    tsc_mult = (NSEC_PER_SEC << 32) / hz;
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
    if (tsc_mult == 0)
        clock_calibrate();
    uint64_t ticks = cpu_rdtsc() - tsc_at_boot;
    return (solo5_time_t)(((unsigned __int128)ticks * tsc_mult) >> 32);
}

solo5_time_t solo5_clock_wall(void)
{
    static uint64_t wall_at_sync, mono_at_sync;
    static int synced;

    if (!synced) {
        uint64_t seconds = 0;
        (void)solo5_clock_monotonic(); /* calibrate first, not in between */
        if (virtio_rtc_seconds(&seconds) != 0 && kiln_log_level >= KILN_LOG_WARN)
            kiln_puts("kiln: virtio: no CMOS clock on this machine; the wall"
                      " clock counts from 1970-01-01 (QEMU: rtc=on)\n");
        mono_at_sync = solo5_clock_monotonic();
        wall_at_sync = seconds * NSEC_PER_SEC;
        synced = 1;
    }
    return wall_at_sync + (solo5_clock_monotonic() - mono_at_sync);
}
