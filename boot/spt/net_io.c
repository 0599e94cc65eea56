/*
 * Kiln boot shim, spt: network I/O, read/write of whole frames on the tap fd
 * the tender opened (non-blocking; its fd is in the manifest entry). The
 * checks are boot/common/net.c's.
 */
#include "devices.h"
#include "spt.h"

solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size)
{
    (void)handle;
    long n = spt_syscall3(SYS_write, e->b.hostfd, (long)buf, (long)size);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}

solo5_result_t platform_net_read(const struct mft_entry *e,
                                 solo5_handle_t handle, uint8_t *buf,
                                 size_t size, size_t *read_size)
{
    (void)handle;
    long n = spt_syscall3(SYS_read, e->b.hostfd, (long)buf, (long)size);
    if (n == -SPT_EAGAIN)
        return SOLO5_R_AGAIN;
    if (n < 0)
        return SOLO5_R_EUNSPEC;
    *read_size = (size_t)n;
    return SOLO5_R_OK;
}
