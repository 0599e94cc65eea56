/*
 * fuzz_guest.h: the part of a fuzz input that becomes the fake guest, for
 * the targets that run tender code against guest memory (fuzz_hypercall,
 * fuzz_net_ring).
 */
#ifndef KILN_FUZZ_GUEST_H
#define KILN_FUZZ_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

/*
 * Fills guest memory (mem, mem_size bytes) with the input, zeros after it;
 * copies the image's read-only range [ro_start, ro_start + ro_len) to
 * ro_copy, for the target to check that nothing wrote it; empties the net
 * device's socketpair (net_peer, its other end) and, when queue_frame,
 * queues a frame of the input's first `frame` bytes for the guest to read.
 */
static inline void fuzz_guest_load(uint8_t *mem, size_t mem_size, const uint8_t *data,
                                   size_t size, uint8_t *ro_copy, size_t ro_start,
                                   size_t ro_len, int net_peer, bool queue_frame,
                                   size_t frame)
{
    char drain[2048];

    memset(mem, 0, mem_size);
    memcpy(mem, data, size < mem_size ? size : mem_size);
    memcpy(ro_copy, mem + ro_start, ro_len);
    while (recv(net_peer, drain, sizeof drain, 0) >= 0)
        continue;
    if (queue_frame)
        (void)send(net_peer, data, frame < size ? frame : size, 0);
}

#endif
