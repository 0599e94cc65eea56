/*
 * module_block.c: BLOCK_READ / BLOCK_WRITE: one block per call, at a
 * block-aligned offset inside the device. A request that breaks this gets
 * SOLO5_R_EINVAL; a buffer outside guest memory is a guest fault; a host
 * I/O error is reported once and the guest gets SOLO5_R_EUNSPEC.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "devices.h"
#include "hvt.h"
#include "mft.h"

enum { R_OK_ = 0, R_EINVAL_ = 2, R_EUNSPEC_ = 3 }; /* solo5_result_t */

static struct mft *host_mft;

/* The device for a request, or NULL if the request is not one aligned block inside it. */
static const struct mft_entry *check(uint64_t handle, uint64_t offset, uint64_t len)
{
    const struct mft_entry *e = mft_by_handle(host_mft, handle, MFT_DEV_BLOCK_BASIC);
    if (e == NULL || !e->attached)
        return NULL;
    uint64_t bs = e->u.block_basic.block_size, cap = e->u.block_basic.capacity;
    if (len != bs || offset % bs != 0 || offset > cap - bs)
        return NULL;
    return e;
}

static int transfer(const struct mft_entry *e, bool write, void *buf, size_t len,
                    uint64_t offset)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = write ? pwrite(e->b.hostfd, (char *)buf + done, len - done,
                                   (off_t)(offset + done))
                          : pread(e->b.hostfd, (char *)buf + done, len - done,
                                  (off_t)(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            tender_warn("block device '%s': %s at offset %" PRIu64 " failed: %s",
                        e->name, write ? "write" : "read", offset,
                        n < 0 ? strerror(errno) : "end of file");
            return R_EUNSPEC_;
        }
        done += (size_t)n;
    }
    return R_OK_;
}

static void hypercall_block_write(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_block_write w;

    hvt_copy_in(g, gpa, &w, sizeof w);
    const struct mft_entry *e = check(w.handle, w.offset, w.len);
    if (e == NULL) {
        w.ret = R_EINVAL_;
    } else {
        void *buf = hvt_guest_range(g, w.data, w.len, "BLOCK_WRITE buffer");
        w.ret = transfer(e, true, buf, w.len, w.offset);
    }
    hvt_copy_out(g, gpa, &w, sizeof w);
}

static void hypercall_block_read(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_block_read r;

    hvt_copy_in(g, gpa, &r, sizeof r);
    const struct mft_entry *e = check(r.handle, r.offset, r.len);
    if (e == NULL) {
        r.ret = R_EINVAL_;
    } else {
        void *buf = hvt_guest_writable(g, r.data, r.len, "BLOCK_READ buffer");
        r.ret = transfer(e, false, buf, r.len, r.offset);
    }
    hvt_copy_out(g, gpa, &r, sizeof r);
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)g;
    dev_block_finish(mft);
    host_mft = mft;
    hvt_register_hypercall(HVT_HYPERCALL_BLOCK_WRITE, "BLOCK_WRITE",
                           hypercall_block_write);
    hvt_register_hypercall(HVT_HYPERCALL_BLOCK_READ, "BLOCK_READ",
                           hypercall_block_read);
}

const struct tender_module hvt_module_block = {
    .name = "block",
    .usage = DEV_BLOCK_USAGE,
    .option = dev_block_option,
    .setup = setup,
};
