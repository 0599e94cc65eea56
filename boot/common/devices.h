/*
 * Kiln boot shim: the block and net devices of solo5.h. boot/common/block.c
 * and net.c implement the solo5_* calls: the manifest lookup and every
 * check that does not depend on the platform. Each platform implements the
 * I/O below (boot/<platform>/block_io.c, net_io.c), called only with a
 * request those checks passed and the device's manifest entry.
 */
#ifndef KILN_DEVICES_H
#define KILN_DEVICES_H

#include "boot.h"

/*
 * Read or write one block: size is the device's block size, offset a
 * multiple of it inside the device. SOLO5_R_OK, or the error to return.
 */
solo5_result_t platform_block_write(const struct mft_entry *e,
                                    solo5_handle_t handle, solo5_off_t offset,
                                    const uint8_t *buf, size_t size);
solo5_result_t platform_block_read(const struct mft_entry *e,
                                   solo5_handle_t handle, solo5_off_t offset,
                                   uint8_t *buf, size_t size);

/*
 * Send one frame (size is at most the MTU plus the Ethernet header), or
 * receive one into buf (up to size bytes), setting *read_size on
 * SOLO5_R_OK; SOLO5_R_AGAIN when no frame is waiting.
 */
solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size);
solo5_result_t platform_net_read(const struct mft_entry *e,
                                 solo5_handle_t handle, uint8_t *buf,
                                 size_t size, size_t *read_size);

#endif /* KILN_DEVICES_H */
