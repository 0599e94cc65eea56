/*
 * Kiln boot shim, virtio on aarch64: block and net I/O, not driven yet.
 *
 * The start-up refuses an image whose manifest names a device (start.c),
 * so the common solo5_block_* and solo5_net_* calls never find an attached
 * entry and never get here; these only complete the platform's hooks
 * (common/devices.h).
 */
#include "devices.h"

solo5_result_t platform_block_write(const struct mft_entry *e,
                                    solo5_handle_t handle, solo5_off_t offset,
                                    const uint8_t *buf, size_t size)
{
    (void)e, (void)handle, (void)offset, (void)buf, (void)size;
    return SOLO5_R_EUNSPEC;
}

solo5_result_t platform_block_read(const struct mft_entry *e,
                                   solo5_handle_t handle, solo5_off_t offset,
                                   uint8_t *buf, size_t size)
{
    (void)e, (void)handle, (void)offset, (void)buf, (void)size;
    return SOLO5_R_EUNSPEC;
}

solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size)
{
    (void)e, (void)handle, (void)buf, (void)size;
    return SOLO5_R_EUNSPEC;
}

solo5_result_t platform_net_read(const struct mft_entry *e,
                                 solo5_handle_t handle, uint8_t *buf,
                                 size_t size, size_t *read_size)
{
    (void)e, (void)handle, (void)buf, (void)size, (void)read_size;
    return SOLO5_R_EUNSPEC;
}
