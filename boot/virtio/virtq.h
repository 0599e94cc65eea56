/*
 * Kiln boot shim, virtio: split virtqueues in the legacy layout (virtio
 * 1.x spec 2.7, "Legacy Interfaces: A Note on Virtqueue Layout"): the
 * descriptor table, the available ring and the used ring in one block of
 * memory, the used ring on the next 4096-byte boundary. Every transport
 * Kiln drives accepts that layout (legacy PCI and MMIO need it; MMIO
 * version 2 takes the three addresses).
 *
 * The shim polls and never takes interrupts, so the driver tells the
 * device not to raise them; with VIRTIO_F_EVENT_IDX it reads avail_event
 * to notify the device only when the device asked for it.
 *
 * Memory is identity-mapped: a virtual address is the physical address
 * the device is given. Ring memory comes from virtio_alloc_pages (zeroed
 * pages past the image), one VIRTQ_RING_BYTES block a queue.
 */
#ifndef KILN_VIRTQ_H
#define KILN_VIRTQ_H

#include <stdint.h>

/* Largest queue the driver supports: ring memory is sized for it. */
#define VIRTQ_MAX_SIZE 256
#define VIRTQ_ALIGN 4096
/*
 * Ring memory for a queue of VIRTQ_MAX_SIZE: 16 bytes a descriptor, then
 * the available ring (6 + 2 per entry) rounded up to VIRTQ_ALIGN, then the
 * used ring (6 + 8 per entry). 4096 + 518 -> 8192, + 2054: three pages.
 */
#define VIRTQ_RING_BYTES (3 * 4096)

#define VIRTQ_DESC_F_NEXT 1  /* the chain goes on at .next               */
#define VIRTQ_DESC_F_WRITE 2 /* the device writes the buffer            */

#define VIRTQ_AVAIL_F_NO_INTERRUPT 1 /* driver: do not interrupt me     */
#define VIRTQ_USED_F_NO_NOTIFY 1     /* device: do not notify me        */

struct virtq_desc {
    uint64_t addr;  /* physical address of the buffer */
    uint32_t len;   /* its length in bytes             */
    uint16_t flags; /* VIRTQ_DESC_F_*                  */
    uint16_t next;  /* next descriptor if F_NEXT       */
};

struct virtq_used_elem {
    uint32_t id;  /* head descriptor of the chain the device used */
    uint32_t len; /* bytes it wrote into the chain                */
};

struct virtq {
    volatile struct virtq_desc *desc;
    volatile uint16_t *avail; /* flags, idx, ring[num], used_event    */
    volatile uint16_t *used;  /* flags, idx, then the elements below  */
    volatile struct virtq_used_elem *used_ring; /* [num], avail_event */
    uint16_t num;        /* entries: a power of two, <= VIRTQ_MAX_SIZE */
    uint16_t index;      /* the queue's number on its device           */
    uint16_t avail_idx;  /* the driver's copy of avail->idx            */
    uint16_t kicked_idx; /* avail->idx when the device was last told   */
    uint16_t last_used;  /* next used element to take                  */
    uint8_t event_idx;   /* VIRTIO_F_EVENT_IDX negotiated              */
};

/*
 * Lay queue index out in mem (VIRTQ_RING_BYTES, VIRTQ_ALIGN aligned,
 * zeroed: virtio_alloc_pages) for num entries.
 */
void virtq_init(struct virtq *vq, void *mem, uint16_t index, uint16_t num,
                int event_idx);

/* Physical addresses of the three parts, for the transport. */
uint64_t virtq_desc_addr(const struct virtq *vq);
uint64_t virtq_avail_addr(const struct virtq *vq);
uint64_t virtq_used_addr(const struct virtq *vq);

/* Make the chain starting at descriptor head available to the device. */
void virtq_publish(struct virtq *vq, uint16_t head);

/*
 * After virtq_publish: whether the device wants a notification for what
 * was published since the last call (its avail_event, or NO_NOTIFY).
 */
int virtq_needs_notify(struct virtq *vq);

/* Whether the device has used a chain the driver has not taken yet. */
static inline int virtq_has_used(const struct virtq *vq)
{
    return vq->used[1] != vq->last_used;
}

/* Take the next used chain: 1 and its head and length, or 0 if none. */
int virtq_take_used(struct virtq *vq, uint16_t *head, uint32_t *len);

#endif /* KILN_VIRTQ_H */
