/*
 * Kiln boot shim, spt: block I/O, pread64/pwrite64 on the host file the
 * tender opened (its fd is in the manifest entry). The tender's seccomp
 * filter allows only whole, in-range blocks on that fd; boot/common/block.c
 * has checked the request is one.
 */
#include "devices.h"
#include "spt.h"

solo5_result_t platform_block_write(const struct mft_entry *e,
                                    solo5_handle_t handle, solo5_off_t offset,
                                    const uint8_t *buf, size_t size)
{
    (void)handle;
    long n = spt_syscall4(SYS_pwrite64, e->b.hostfd, (long)buf, (long)size,
                          (long)offset);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}

solo5_result_t platform_block_read(const struct mft_entry *e,
                                   solo5_handle_t handle, solo5_off_t offset,
                                   uint8_t *buf, size_t size)
{
    (void)handle;
    long n = spt_syscall4(SYS_pread64, e->b.hostfd, (long)buf, (long)size,
                          (long)offset);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}
