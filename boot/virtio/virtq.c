/*
 * Kiln boot shim, virtio: the driver's side of a split virtqueue.
 *
 * Ordering (the architecture's barriers, <arch>/arch.h): a ring entry
 * before the index that publishes it (a store barrier), the used index
 * before the element it covers (a load barrier), and the new avail index
 * before reading avail_event or the used flags (a full barrier). On x86
 * only the last is an instruction (mfence).
 */
#include "virtq.h"
#include "arch.h"

void virtq_init(struct virtq *vq, void *mem, uint16_t index, uint16_t num,
                int event_idx)
{
    uintptr_t base = (uintptr_t)mem;
    uintptr_t avail = base + (uintptr_t)num * sizeof(struct virtq_desc);
    uintptr_t avail_end = avail + 6 + 2 * (uintptr_t)num;
    uintptr_t used = (avail_end + VIRTQ_ALIGN - 1) & ~(uintptr_t)(VIRTQ_ALIGN - 1);

    vq->desc = (volatile struct virtq_desc *)base;
    vq->avail = (volatile uint16_t *)avail;
    vq->used = (volatile uint16_t *)used;
    vq->used_ring = (volatile struct virtq_used_elem *)(used + 4);
    vq->num = num;
    vq->index = index;
    vq->avail_idx = 0;
    vq->kicked_idx = 0;
    vq->last_used = 0;
    vq->event_idx = (uint8_t)(event_idx != 0);

    if (vq->event_idx)
        vq->avail[2 + num] = num; /* used_event: see virtq_take_used */
    else
        vq->avail[0] = VIRTQ_AVAIL_F_NO_INTERRUPT;
}

uint64_t virtq_desc_addr(const struct virtq *vq)
{
    return (uintptr_t)vq->desc;
}

uint64_t virtq_avail_addr(const struct virtq *vq)
{
    return (uintptr_t)vq->avail;
}

uint64_t virtq_used_addr(const struct virtq *vq)
{
    return (uintptr_t)vq->used;
}

void virtq_publish(struct virtq *vq, uint16_t head)
{
    vq->avail[2 + (vq->avail_idx & (vq->num - 1))] = head;
    kiln_barrier_store(); /* the entry (and the descriptors) before the index */
    vq->avail_idx++;
    vq->avail[1] = vq->avail_idx;
}

int virtq_needs_notify(struct virtq *vq)
{
    uint16_t old = vq->kicked_idx, now = vq->avail_idx;

    vq->kicked_idx = now;
    /* The index must be visible before the device's wish is read: if the
     * device is just going to sleep, it then either sees the new entries
     * or has already asked (in avail_event) to be told. */
    kiln_barrier_full();
    if (vq->event_idx) {
        uint16_t avail_event = *(volatile uint16_t *)&vq->used_ring[vq->num];
        /* Notify if avail_event lies in [old, now): the spec's vring_need_event. */
        return (uint16_t)(now - avail_event - 1) < (uint16_t)(now - old);
    }
    return !(vq->used[0] & VIRTQ_USED_F_NO_NOTIFY);
}

int virtq_take_used(struct virtq *vq, uint16_t *head, uint32_t *len)
{
    if (!virtq_has_used(vq))
        return 0;
    kiln_barrier_load(); /* the index before the element it covers */
    volatile struct virtq_used_elem *e =
        &vq->used_ring[vq->last_used & (vq->num - 1)];
    *head = (uint16_t)e->id;
    *len = e->len;
    vq->last_used++;
    /*
     * used_event: the device interrupts when its used index passes it. At
     * most num chains are outstanding, so the used index stays within
     * last_used + num; keeping used_event there means no interrupt, ever,
     * and the device skips the work of raising one.
     */
    if (vq->event_idx)
        vq->avail[2 + vq->num] = (uint16_t)(vq->last_used + vq->num);
    return 1;
}
