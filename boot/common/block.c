/*
 * Kiln boot shim: block devices (solo5.h), over the platform's I/O.
 *
 * The tenders check every request against the device and guest memory
 * (hvt) or allow only whole, in-range blocks (spt's seccomp filter);
 * checking here too turns a bad request into SOLO5_R_EINVAL before paying
 * for a hypercall, or instead of a killed guest.
 */
#include "devices.h"

/* The entry of an attached block device, if the request is one whole
 * block inside it; else NULL. */
static const struct mft_entry *block_entry(solo5_handle_t handle,
                                           solo5_off_t offset, size_t size)
{
    const struct mft_entry *e = kiln_mft_by_handle(handle, MFT_DEV_BLOCK_BASIC);
    if (e == NULL)
        return NULL;
    uint64_t bs = e->u.block_basic.block_size;
    uint64_t cap = e->u.block_basic.capacity;
    if (bs == 0 || size != bs || offset % bs != 0 || cap < bs ||
        offset > cap - bs)
        return NULL;
    return e;
}

solo5_result_t solo5_block_acquire(const char *name, solo5_handle_t *handle,
                                   struct solo5_block_info *info)
{
    solo5_handle_t index;
    const struct mft_entry *e =
        kiln_mft_by_name(name, MFT_DEV_BLOCK_BASIC, &index);
    if (e == NULL || handle == NULL || info == NULL)
        return SOLO5_R_EINVAL;
    *handle = index;
    info->capacity = e->u.block_basic.capacity;
    info->block_size = e->u.block_basic.block_size;
    return SOLO5_R_OK;
}

solo5_result_t solo5_block_write(solo5_handle_t handle, solo5_off_t offset,
                                 const uint8_t *buf, size_t size)
{
    const struct mft_entry *e = block_entry(handle, offset, size);
    if (e == NULL)
        return SOLO5_R_EINVAL;
    return platform_block_write(e, handle, offset, buf, size);
}

solo5_result_t solo5_block_read(solo5_handle_t handle, solo5_off_t offset,
                                uint8_t *buf, size_t size)
{
    const struct mft_entry *e = block_entry(handle, offset, size);
    if (e == NULL)
        return SOLO5_R_EINVAL;
    return platform_block_read(e, handle, offset, buf, size);
}
