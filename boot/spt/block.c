/*
 * Kiln boot shim, spt: block devices, pread64/pwrite64 on the host file the
 * tender opened (its fd is in the manifest entry). The tender's seccomp
 * filter allows only whole, in-range blocks on that fd; checking here turns
 * a bad request into SOLO5_R_EINVAL instead of a killed guest.
 */
#include "spt.h"

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
    long n = spt_syscall4(SYS_pwrite64, e->b.hostfd, (long)buf, (long)size,
                          (long)offset);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}

solo5_result_t solo5_block_read(solo5_handle_t handle, solo5_off_t offset,
                                uint8_t *buf, size_t size)
{
    const struct mft_entry *e = block_entry(handle, offset, size);
    if (e == NULL)
        return SOLO5_R_EINVAL;
    long n = spt_syscall4(SYS_pread64, e->b.hostfd, (long)buf, (long)size,
                          (long)offset);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}
