/*
 * net_ring.c: the tender's side of the shared network ring (the layout and
 * protocol are in kiln/hvt_abi.h): work through the entries the guest has
 * queued, sending frames to and reading frames from the taps.
 *
 * The ring is guest memory, and the guest runs while the I/O thread reads
 * it, so nothing there is trusted or read twice: the tender keeps its own
 * counters (the ring's ent_head and com_tail are only its published
 * copies), copies each entry out before looking at it, and checks every
 * counter, operation, handle, length and address. A bad one ends the guest
 * as a guest fault naming the field; the tender then touches no memory but
 * the ring and the guest's own.
 *
 * This file does no waiting (net_ring_thread.c does): the fuzz target
 * fuzz_net_ring drives hvt_net_ring_work directly.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "elf_image.h"
#include "hvt.h"
#include "mft.h"

enum { R_OK_ = 0, R_AGAIN_ = 1, R_EINVAL_ = 2 }; /* solo5_result_t */
#define ETHERNET_HEADER 14

/* Ends the guest: "guest fault: network ring at 0x...: <what>". */
__attribute__((noreturn, format(printf, 2, 3)))
static void ring_fault(const struct hvt_net_ring *r, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    /* Not hvt_guest_fault: that may read the vCPU's registers, which this
     * thread cannot while the vCPU runs. */
    tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault: network ring at 0x%" PRIx64
                ": %s", r->gpa, what);
}

/*
 * The host address of the entry's buffer [data, data + len), after
 * checking that it is guest memory outside the ring and, for a buffer the
 * tender fills, outside the image's read-only segments.
 */
static void *entry_buffer(const struct hvt_net_ring *r, uint32_t n,
                          const struct hvt_ring_entry *e, bool fill)
{
    const struct tender_guest *g = r->g;
    const char *op = fill ? "NET_READ" : "NET_WRITE";

    if (e->data > g->mem_size || e->len > g->mem_size - e->data)
        ring_fault(r, "entry %" PRIu32 " (%s): data 0x%" PRIx64 " + len %" PRIu32
                   " is outside guest memory (0x%zx bytes)", n, op, e->data,
                   e->len, g->mem_size);
    if (e->data < r->gpa + sizeof(struct hvt_ring) && e->data + e->len > r->gpa)
        ring_fault(r, "entry %" PRIu32 " (%s): data 0x%" PRIx64 " + len %" PRIu32
                   " overlaps the ring itself", n, op, e->data, e->len);
    if (fill) {
        const struct elf_segment *s = hvt_read_only_segment(g, e->data, e->len);
        if (s != NULL)
            ring_fault(r, "entry %" PRIu32 " (NET_READ): data 0x%" PRIx64
                       " + len %" PRIu32 " is in the image's read-only segment 0x%"
                       PRIx64 "-0x%" PRIx64, n, e->data, e->len, s->start, s->end);
    }
    return g->mem + e->data;
}

static const struct mft_entry *device(const struct hvt_net_ring *r, uint32_t handle)
{
    const struct mft_entry *d = mft_by_handle(r->mft, handle, MFT_DEV_NET_BASIC);
    return d && d->attached ? d : NULL;
}

/* A NET_WRITE: no answer goes back, so a frame the tap refuses is dropped. */
static void net_write(struct hvt_net_ring *r, uint32_t n,
                      const struct hvt_ring_entry *e)
{
    const struct mft_entry *d = device(r, e->handle);
    if (d == NULL)
        ring_fault(r, "entry %" PRIu32 " (NET_WRITE): handle %" PRIu32
                   " is no attached net device", n, e->handle);
    uint32_t max = d->u.net_basic.mtu + ETHERNET_HEADER;
    if (e->len == 0 || e->len > max || e->len > HVT_RING_BUF_SIZE)
        ring_fault(r, "entry %" PRIu32 " (NET_WRITE): len %" PRIu32 " is not a "
                   "frame of net device '%s' (1 to %" PRIu32 " bytes)", n,
                   e->len, d->name, max < HVT_RING_BUF_SIZE ? max : HVT_RING_BUF_SIZE);
    const void *buf = entry_buffer(r, n, e, false);
    ssize_t w;
    do
        w = write(d->b.hostfd, buf, e->len);
    while (w < 0 && errno == EINTR);
    if (w < 0 && errno == EAGAIN)
        r->dropped++;
    else if (w != (ssize_t)e->len)
        tender_warn("net device '%s': write failed: %s", d->name,
                    w < 0 ? strerror(errno) : "short write");
}

/* A NET_READ: one frame, or AGAIN, posted as the next commit. */
static void net_read(struct hvt_net_ring *r, uint32_t n,
                     const struct hvt_ring_entry *e)
{
    uint32_t com_head = r->ring->com_head;
    if ((uint32_t)(r->com_tail - com_head) >= HVT_RING_SIZE)
        ring_fault(r, "entry %" PRIu32 " (NET_READ): no room for its commit: "
                   "com_head %" PRIu32 " is not within %u commits behind com_tail %"
                   PRIu32, n, com_head, HVT_RING_SIZE - 1, r->com_tail);

    struct hvt_ring_commit c = {.id = e->id, .ret = R_EINVAL_};
    const struct mft_entry *d = device(r, e->handle);
    if (d != NULL) {
        void *buf = entry_buffer(r, n, e, true);
        ssize_t got;
        do
            got = read(d->b.hostfd, buf, e->len);
        while (got < 0 && errno == EINTR);
        if (got > 0) {
            c.ret = R_OK_;
            c.len = (uint32_t)got;
        } else if (got == 0 || errno == EAGAIN) {
            c.ret = R_AGAIN_;
        } else {
            tender_warn("net device '%s': read failed: %s", d->name, strerror(errno));
        }
    }
    r->ring->commits[r->com_tail % HVT_RING_SIZE] = c;
    /* The commit is in place before the count that publishes it. */
    __atomic_store_n(&r->ring->com_tail, ++r->com_tail, __ATOMIC_RELEASE);
}

bool hvt_net_ring_work(struct hvt_net_ring *r)
{
    uint32_t tail = __atomic_load_n(&r->ring->ent_tail, __ATOMIC_ACQUIRE);
    uint32_t queued = tail - r->ent_head;

    if (queued == 0)
        return false;
    if (queued > HVT_RING_SIZE - 1)
        ring_fault(r, "ent_tail %" PRIu32 " is %" PRIu32 " entries ahead of "
                   "ent_head %" PRIu32 "; at most %u may be queued", tail,
                   queued, r->ent_head, HVT_RING_SIZE - 1);
    while (r->ent_head != tail) {
        uint32_t n = r->ent_head;
        struct hvt_ring_entry e;
        memcpy(&e, (const void *)&r->ring->entries[n % HVT_RING_SIZE], sizeof e);
        __atomic_signal_fence(__ATOMIC_SEQ_CST); /* e is read once, here */
        if (e.operation == HVT_RING_NET_WRITE)
            net_write(r, n, &e);
        else if (e.operation == HVT_RING_NET_READ)
            net_read(r, n, &e);
        else
            ring_fault(r, "entry %" PRIu32 ": operation %" PRIu32 " is neither "
                       "NET_WRITE (%d) nor NET_READ (%d)", n, e.operation,
                       HVT_RING_NET_WRITE, HVT_RING_NET_READ);
        /* The guest may reuse the entry and its buffer from here on. */
        __atomic_store_n(&r->ring->ent_head, ++r->ent_head, __ATOMIC_RELEASE);
    }
    return true;
}
