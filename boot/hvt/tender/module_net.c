/*
 * module_net.c: NET_WRITE / NET_READ on tap devices, one Ethernet frame
 * per call; the taps join the POLL wait set. Reads are non-blocking:
 * nothing to read is SOLO5_R_AGAIN. (With a net device the tender also
 * offers the shared network ring, net_ring*.c, unless --no-net-ring.)
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "devices.h"
#include "hvt.h"
#include "mft.h"

enum { R_OK_ = 0, R_AGAIN_ = 1, R_EINVAL_ = 2, R_EUNSPEC_ = 3 }; /* solo5_result_t */
#define ETHERNET_HEADER 14

static struct mft *host_mft;

bool hvt_net_ring_disabled;

#define NO_RING_OPTION "--no-net-ring"

/* dev_net.c's options, and whether to offer the shared ring. */
static bool option(const char *arg, struct mft *mft)
{
    if (strcmp(arg, NO_RING_OPTION) == 0) {
        hvt_net_ring_disabled = true;
        return true;
    }
    return dev_net_option(arg, mft);
}

static const struct mft_entry *device(uint64_t handle)
{
    const struct mft_entry *e = mft_by_handle(host_mft, handle, MFT_DEV_NET_BASIC);
    return e && e->attached ? e : NULL;
}

static void hypercall_net_write(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_net_write w;

    hvt_copy_in(g, gpa, &w, sizeof w);
    const struct mft_entry *e = device(w.handle);
    if (e == NULL || w.len > (uint64_t)e->u.net_basic.mtu + ETHERNET_HEADER) {
        w.ret = R_EINVAL_;
    } else {
        const void *buf = hvt_guest_range(g, w.data, w.len, "NET_WRITE buffer");
        ssize_t n;
        do
            n = write(e->b.hostfd, buf, w.len);
        while (n < 0 && errno == EINTR);
        if (n < 0 && errno == EAGAIN)
            w.ret = R_AGAIN_;
        else if (n != (ssize_t)w.len) {
            tender_warn("net device '%s': write failed: %s", e->name,
                        n < 0 ? strerror(errno) : "short write");
            w.ret = R_EUNSPEC_;
        } else
            w.ret = R_OK_;
    }
    hvt_copy_out(g, gpa, &w, sizeof w);
}

static void hypercall_net_read(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_net_read r;

    hvt_copy_in(g, gpa, &r, sizeof r);
    const struct mft_entry *e = device(r.handle);
    if (e == NULL) {
        r.ret = R_EINVAL_;
    } else {
        void *buf = hvt_guest_writable(g, r.data, r.len, "NET_READ buffer");
        ssize_t n;
        do
            n = read(e->b.hostfd, buf, r.len);
        while (n < 0 && errno == EINTR);
        if (n == 0 || (n < 0 && errno == EAGAIN)) {
            r.ret = R_AGAIN_;
        } else if (n < 0) {
            tender_warn("net device '%s': read failed: %s", e->name, strerror(errno));
            r.ret = R_EUNSPEC_;
        } else {
            r.len = (size_t)n;
            r.ret = R_OK_;
        }
    }
    hvt_copy_out(g, gpa, &r, sizeof r);
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)g;
    dev_net_finish(mft);
    host_mft = mft;
    for (unsigned i = 1; i < mft->entries; i++)
        if (mft->e[i].type == MFT_DEV_NET_BASIC && mft->e[i].attached)
            hvt_waitset_add(mft->e[i].b.hostfd, i);
    hvt_register_hypercall(HVT_HYPERCALL_NET_WRITE, "NET_WRITE", hypercall_net_write);
    hvt_register_hypercall(HVT_HYPERCALL_NET_READ, "NET_READ", hypercall_net_read);
}

const struct tender_module hvt_module_net = {
    .name = "net",
    .usage = DEV_NET_USAGE "\n"
             NO_RING_OPTION "               do not offer the shared network ring:\n"
             "                            frames then go through hypercalls",
    .option = option,
    .setup = setup,
};
