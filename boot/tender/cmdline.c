/*
 * cmdline.c: the application's command line, as the guest sees it.
 */
#include <string.h>

#include "tender.h"

void tender_join_cmdline(char *buf, size_t size, char *const *argv)
{
    size_t used = 0;

    buf[0] = '\0';
    for (; *argv; argv++) {
        size_t len = strlen(*argv);
        size_t need = len + (used ? 1 : 0);
        if (need >= size - used)
            tender_fail("the unikernel's arguments are too long (at most %zu "
                        "characters in all)", size - 1);
        if (used)
            buf[used++] = ' ';
        memcpy(buf + used, *argv, len);
        used += len;
        buf[used] = '\0';
    }
}
