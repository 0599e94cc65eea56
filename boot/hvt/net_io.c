/*
 * Kiln boot shim, hvt: network I/O, one frame per hypercall (the checks are
 * boot/common/net.c's).
 *
 * Solo5's tender may offer a shared network ring (host_features); Kiln's
 * guest does not take it, so frames always go through NET_WRITE/NET_READ.
 */
#include "devices.h"
#include "hvt.h"

solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size)
{
    (void)e;
    struct hvt_hc_net_write wr = {
        .handle = handle, .data = buf, .len = size, .ret = SOLO5_R_EUNSPEC};
    hvt_do_hypercall(HVT_HYPERCALL_NET_WRITE, &wr);
    return (solo5_result_t)wr.ret;
}

solo5_result_t platform_net_read(const struct mft_entry *e,
                                 solo5_handle_t handle, uint8_t *buf,
                                 size_t size, size_t *read_size)
{
    (void)e;
    struct hvt_hc_net_read rd = {
        .handle = handle, .data = buf, .len = size, .ret = SOLO5_R_EUNSPEC};
    hvt_do_hypercall(HVT_HYPERCALL_NET_READ, &rd);
    if (rd.ret == SOLO5_R_OK)
        *read_size = rd.len;
    return (solo5_result_t)rd.ret;
}
