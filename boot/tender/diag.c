/*
 * diag.c: the tenders' one-line messages and exits.
 *
 * Messages are formatted into a stack buffer and written with one write(2):
 * after the seccomp filter is installed, stdio and malloc may need system
 * calls the filter forbids, and a single write keeps lines whole.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "tender.h"

const char *tender_name = "kiln-tender";
void (*tender_exit_hook)(int status);

void tender_exit_now(int status)
{
    if (tender_exit_hook != NULL) {
        void (*hook)(int) = tender_exit_hook;
        tender_exit_hook = NULL; /* once, even if the hook itself exits */
        hook(status);
    }
    _exit(status);
}

int tender_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static void vmessage(const char *fmt, va_list ap)
{
    char line[1024];
    int n = snprintf(line, sizeof line, "%s: ", tender_name);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof line)
        n += vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    if ((size_t)n >= sizeof line - 1)
        n = sizeof line - 2; /* truncated: still end the line */
    line[n++] = '\n';
    (void)tender_write_all(2, line, (size_t)n);
}

void tender_exit(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    tender_exit_now(status);
}

void tender_fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    tender_exit_now(KILN_EXIT_TENDER_ERROR);
}

void tender_warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}
