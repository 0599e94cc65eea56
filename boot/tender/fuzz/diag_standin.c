/*
 * diag_standin.c: diag.c's interface (tender.h) for the fuzz targets:
 * quiet, and returning to the target (diag_standin.h) instead of exiting,
 * so each input is one call and any crash is the tender's.
 */
#include <stdarg.h>
#include <stdio.h>

#include "diag_standin.h"
#include "tender.h"

const char *tender_name = "kiln-fuzz";
void (*tender_exit_hook)(int status);

jmp_buf fuzz_refused;
int fuzz_exit_status;
char fuzz_exit_message[1024];

int tender_write_all(int fd, const void *buf, size_t len)
{
    (void)fd;
    (void)buf;
    (void)len;
    return 0;
}

void tender_exit(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(fuzz_exit_message, sizeof fuzz_exit_message, fmt, ap);
    va_end(ap);
    fuzz_exit_status = status;
    longjmp(fuzz_refused, 1);
}

void tender_exit_now(int status)
{
    fuzz_exit_message[0] = '\0';
    fuzz_exit_status = status;
    longjmp(fuzz_refused, 1);
}

void tender_fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(fuzz_exit_message, sizeof fuzz_exit_message, fmt, ap);
    va_end(ap);
    fuzz_exit_status = KILN_EXIT_TENDER_ERROR;
    longjmp(fuzz_refused, 1);
}

void tender_warn(const char *fmt, ...)
{
    char line[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
}
