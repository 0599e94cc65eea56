/*
 * Kiln boot shim, virtio: the CMOS real-time clock (MC146818), read once
 * for the wall clock (clock.c). QEMU keeps it in UTC.
 *
 * The registers are read while no update is in progress (status A, UIP)
 * and read again until two reads agree, so a second that ticks over during
 * the read is not half seen. Status B says whether they are BCD or binary
 * and whether the hour is 12- or 24-hour.
 */
#include "virtio.h"
#include "cpu_sys.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY 0x32 /* where QEMU and most PC firmware keep it */
#define STATUS_A_UIP 0x80
#define STATUS_B_24H 0x02
#define STATUS_B_BINARY 0x04
#define HOUR_PM 0x80
#define RTC_TRIES 100000 /* an update takes under 2 ms */

struct rtc_time {
    uint8_t sec, min, hour, day, month, year, century;
};

static uint8_t cmos_read(uint8_t reg)
{
    cpu_outb(CMOS_INDEX, reg);
    return cpu_inb(CMOS_DATA);
}

/* 0 after a read with no update in progress, -1 if UIP never clears. */
static int rtc_read_once(struct rtc_time *t)
{
    for (int i = 0; cmos_read(RTC_STATUS_A) & STATUS_A_UIP; i++)
        if (i == RTC_TRIES)
            return -1;
    t->sec = cmos_read(RTC_SECONDS);
    t->min = cmos_read(RTC_MINUTES);
    t->hour = cmos_read(RTC_HOURS);
    t->day = cmos_read(RTC_DAY);
    t->month = cmos_read(RTC_MONTH);
    t->year = cmos_read(RTC_YEAR);
    t->century = cmos_read(RTC_CENTURY);
    return 0;
}

static int rtc_equal(const struct rtc_time *a, const struct rtc_time *b)
{
    return a->sec == b->sec && a->min == b->min && a->hour == b->hour &&
           a->day == b->day && a->month == b->month && a->year == b->year &&
           a->century == b->century;
}

static unsigned from_bcd(uint8_t v)
{
    return (v >> 4) * 10 + (v & 0xf);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, m 1..12). */
static uint64_t days_since_epoch(unsigned y, unsigned m, unsigned d)
{
    /* Count years from March, so the leap day is a year's last day. */
    y -= m <= 2;
    unsigned era = y / 400;
    unsigned yoe = y - era * 400;
    unsigned mp = m > 2 ? m - 3 : m + 9;
    unsigned doy = (153 * mp + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (uint64_t)era * 146097 + doe - 719468;
}

int virtio_rtc_seconds(uint64_t *seconds)
{
    struct rtc_time t, again;

    if (rtc_read_once(&t) != 0)
        return -1;
    for (int i = 0; i < 10; i++) {
        if (rtc_read_once(&again) != 0)
            return -1;
        if (rtc_equal(&t, &again))
            break;
        t = again;
    }

    uint8_t b = cmos_read(RTC_STATUS_B);
    int pm = !(b & STATUS_B_24H) && (t.hour & HOUR_PM);
    t.hour &= (uint8_t)~HOUR_PM;
    unsigned sec = t.sec, min = t.min, hour = t.hour, day = t.day,
             month = t.month, year = t.year, century = t.century;
    if (!(b & STATUS_B_BINARY)) {
        sec = from_bcd(t.sec);
        min = from_bcd(t.min);
        hour = from_bcd(t.hour);
        day = from_bcd(t.day);
        month = from_bcd(t.month);
        year = from_bcd(t.year);
        century = from_bcd(t.century);
    }
    if (!(b & STATUS_B_24H))
        hour = hour % 12 + (pm ? 12 : 0);
    /* A machine without the century register: 1970-2069. */
    if (century < 19 || century > 99)
        century = year >= 70 ? 19 : 20;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
        min > 59 || sec > 60)
        return -1; /* no RTC: absent ports read 0xff */
    *seconds = days_since_epoch(century * 100 + year, month, day) * 86400 +
               hour * 3600 + min * 60 + sec;
    return 0;
}
