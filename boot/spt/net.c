/*
 * Kiln boot shim, spt: network devices, read/write of whole frames on the
 * tap fd the tender opened (non-blocking; its fd is in the manifest entry).
 */
#include "spt.h"

solo5_result_t solo5_net_acquire(const char *name, solo5_handle_t *handle,
                                 struct solo5_net_info *info)
{
    solo5_handle_t index;
    const struct mft_entry *e = kiln_mft_by_name(name, MFT_DEV_NET_BASIC, &index);
    if (e == NULL || handle == NULL || info == NULL)
        return SOLO5_R_EINVAL;
    *handle = index;
    for (int i = 0; i < SOLO5_NET_ALEN; i++)
        info->mac_address[i] = e->u.net_basic.mac[i];
    info->mtu = e->u.net_basic.mtu;
    return SOLO5_R_OK;
}

solo5_result_t solo5_net_write(solo5_handle_t handle, const uint8_t *buf,
                               size_t size)
{
    const struct mft_entry *e = kiln_mft_by_handle(handle, MFT_DEV_NET_BASIC);
    if (e == NULL || size > (size_t)e->u.net_basic.mtu + SOLO5_NET_HLEN)
        return SOLO5_R_EINVAL;
    long n = spt_syscall3(SYS_write, e->b.hostfd, (long)buf, (long)size);
    return n == (long)size ? SOLO5_R_OK : SOLO5_R_EUNSPEC;
}

solo5_result_t solo5_net_read(solo5_handle_t handle, uint8_t *buf, size_t size,
                              size_t *read_size)
{
    const struct mft_entry *e = kiln_mft_by_handle(handle, MFT_DEV_NET_BASIC);
    if (e == NULL || read_size == NULL)
        return SOLO5_R_EINVAL;
    long n = spt_syscall3(SYS_read, e->b.hostfd, (long)buf, (long)size);
    if (n == -SPT_EAGAIN)
        return SOLO5_R_AGAIN;
    if (n < 0)
        return SOLO5_R_EUNSPEC;
    *read_size = (size_t)n;
    return SOLO5_R_OK;
}
