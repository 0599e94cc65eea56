/*
 * Kiln boot shim: network devices (solo5.h), over the platform's I/O.
 */
#include "devices.h"

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
    return platform_net_write(e, handle, buf, size);
}

solo5_result_t solo5_net_read(solo5_handle_t handle, uint8_t *buf, size_t size,
                              size_t *read_size)
{
    const struct mft_entry *e = kiln_mft_by_handle(handle, MFT_DEV_NET_BASIC);
    if (e == NULL || read_size == NULL)
        return SOLO5_R_EINVAL;
    return platform_net_read(e, handle, buf, size, read_size);
}
