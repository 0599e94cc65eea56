/*
 * Kiln boot shim: solo5_exit and solo5_abort.
 */
#include "boot.h"

void solo5_exit(int status)
{
    if (kiln_log_level >= KILN_LOG_INFO) {
        struct kiln_line l = {.len = 0};
        kiln_line_str(&l, "kiln: solo5_exit(");
        if (status < 0) {
            kiln_line_str(&l, "-");
            kiln_line_dec(&l, -(uint64_t)status);
        } else {
            kiln_line_dec(&l, (uint64_t)status);
        }
        kiln_line_str(&l, ") called\n");
        kiln_line_flush(&l);
    }
    platform_halt(status, NULL);
}

void solo5_abort(void)
{
    /* Always printed: an abort without a word is hard to diagnose. */
    kiln_puts("kiln: solo5_abort() called\n");
    /* #0 is the call to solo5_abort (in abort(), say). */
    KILN_BACKTRACE_FROM_CALLER();
    platform_halt(SOLO5_EXIT_ABORT, NULL);
}
