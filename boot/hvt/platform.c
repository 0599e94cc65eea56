/*
 * Kiln boot shim, hvt: console, halt and the thread pointer.
 */
#include "hvt.h"

void platform_puts(const char *buf, size_t len)
{
    struct hvt_hc_puts puts = {.data = buf, .len = len};
    hvt_do_hypercall(HVT_HYPERCALL_PUTS, &puts);
}

void solo5_console_write(const char *buf, size_t size)
{
    platform_puts(buf, size);
}

void platform_halt(int status, void *cookie)
{
    struct hvt_hc_halt halt = {.cookie = cookie, .exit_status = status};
    hvt_do_hypercall(HVT_HYPERCALL_HALT, &halt);
    /* The tender never resumes a halted guest; stop here if one did. */
    for (;;)
        __asm__ __volatile__("cli; hlt");
}

/* MSR_FS_BASE: the base address of %fs, the thread pointer on x86_64. */
#define MSR_FS_BASE 0xc0000100U

int platform_set_tls_base(uintptr_t base)
{
    __asm__ __volatile__("wrmsr"
                         :
                         : "c"(MSR_FS_BASE), "a"((uint32_t)base),
                           "d"((uint32_t)(base >> 32)));
    return 0;
}
