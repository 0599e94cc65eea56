/*
 * Kiln boot shim, spt: console, exit and the thread pointer.
 */
#include "spt.h"

void platform_puts(const char *buf, size_t len)
{
    /* Console output is best effort: a short write or an error is dropped. */
    (void)spt_syscall3(SYS_write, SPT_STDOUT, (long)buf, (long)len);
}

void solo5_console_write(const char *buf, size_t size)
{
    platform_puts(buf, size);
}

void platform_halt(int status, void *cookie)
{
    (void)cookie; /* the tender gets no cookie on spt; it sees signals itself */
    for (;;)
        (void)spt_syscall3(SYS_exit_group, status, 0, 0);
}

int platform_set_tls_base(uintptr_t base)
{
    return spt_syscall3(SYS_arch_prctl, SPT_ARCH_SET_FS, (long)base, 0) == 0
               ? 0
               : -1;
}
