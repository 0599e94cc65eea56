/*
 * Kiln boot shim, hvt: block I/O, one block per hypercall (the checks are
 * boot/common/block.c's).
 */
#include "devices.h"
#include "hvt.h"

solo5_result_t platform_block_write(const struct mft_entry *e,
                                    solo5_handle_t handle, solo5_off_t offset,
                                    const uint8_t *buf, size_t size)
{
    (void)e;
    struct hvt_hc_block_write wr = {
        .handle = handle, .offset = offset, .data = buf, .len = size,
        .ret = SOLO5_R_EUNSPEC};
    hvt_do_hypercall(HVT_HYPERCALL_BLOCK_WRITE, &wr);
    return (solo5_result_t)wr.ret;
}

solo5_result_t platform_block_read(const struct mft_entry *e,
                                   solo5_handle_t handle, solo5_off_t offset,
                                   uint8_t *buf, size_t size)
{
    (void)e;
    struct hvt_hc_block_read rd = {
        .handle = handle, .offset = offset, .data = buf, .len = size,
        .ret = SOLO5_R_EUNSPEC};
    hvt_do_hypercall(HVT_HYPERCALL_BLOCK_READ, &rd);
    return (solo5_result_t)rd.ret;
}
