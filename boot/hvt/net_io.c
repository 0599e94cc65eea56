/*
 * Kiln boot shim, hvt: network I/O (the checks are boot/common/net.c's).
 *
 * When the tender offers the shared network ring (kiln/hvt_abi.h; kiln-hvt
 * and solo5-hvt do, with a net device), frames go through it: no exit to
 * the tender per frame, the tender's I/O thread moving them on another
 * CPU. Otherwise, and for a frame too long for a ring slot, one hypercall
 * per frame (NET_WRITE, NET_READ).
 *
 * A NET_WRITE entry is not waited for: the frame is copied to one of
 * WRITE_SLOTS buffers of the shim's, and at most that many entries are
 * queued, so entry n's buffer, write_bufs[n % WRITE_SLOTS], is free again
 * by the time entry n + WRITE_SLOTS is queued. A NET_READ is waited for
 * (the guest spins; the tender answers at once, AGAIN if no frame waits).
 */
#include "devices.h"
#include "hvt.h"

#define WRITE_SLOTS 64 /* 128 KiB of bss; a TCP window's worth of frames */

static struct hvt_ring *ring; /* NULL: hypercalls */
static uint32_t next_id;
static uint8_t write_bufs[WRITE_SLOTS][HVT_RING_BUF_SIZE] __attribute__((aligned(64)));
static bool said_how; /* the debug line about which way frames go */

void hvt_net_init(const struct hvt_boot_info *bi)
{
    if ((bi->host_features & HVT_FEATURE_RING_IO) && bi->net_ring != 0)
        ring = bi->net_ring;
}

static void say_how(void)
{
    said_how = true;
    if (kiln_log_level < KILN_LOG_DEBUG)
        return;
    struct kiln_line l = {.len = 0};
    if (ring != NULL) {
        kiln_line_str(&l, "kiln: net: through the tender's shared ring at ");
        kiln_line_hex(&l, (uintptr_t)ring);
    } else {
        kiln_line_str(&l, "kiln: net: through hypercalls (no shared ring offered)");
    }
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
}

static inline void cpu_relax(void)
{
    __asm__ __volatile__("pause" ::: "memory");
}

/* Wait until fewer than limit entries are queued. */
static void wait_for_room(uint32_t limit)
{
    while (ring->ent_tail - __atomic_load_n(&ring->ent_head, __ATOMIC_ACQUIRE) >= limit)
        cpu_relax();
}

/* Publish the entry at ent_tail, and wake the I/O thread if it sleeps. */
static void queue(void)
{
    __atomic_store_n(&ring->ent_tail, ring->ent_tail + 1, __ATOMIC_RELEASE);
    /* ent_tail is visible before needs_kick is read: see kiln/hvt_abi.h */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (ring->needs_kick)
        hvt_ring_kick(0);
}

static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n)
{
    kiln_memcpy_qwords(dst, src, n / 8);
    for (size_t i = n & ~(size_t)7; i < n; i++)
        dst[i] = src[i];
}

solo5_result_t platform_net_write(const struct mft_entry *e,
                                  solo5_handle_t handle, const uint8_t *buf,
                                  size_t size)
{
    (void)e;
    if (!said_how)
        say_how();
    if (ring != NULL && size <= HVT_RING_BUF_SIZE) {
        wait_for_room(WRITE_SLOTS);
        uint32_t n = ring->ent_tail;
        uint8_t *slot = write_bufs[n % WRITE_SLOTS];
        copy_bytes(slot, buf, size);
        ring->entries[n % HVT_RING_SIZE] = (struct hvt_ring_entry){
            .operation = HVT_RING_NET_WRITE,
            .handle = (uint32_t)handle,
            .data = slot,
            .len = (uint32_t)size,
            .id = next_id++,
        };
        queue();
        return SOLO5_R_OK;
    }
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
    if (!said_how)
        say_how();
    if (ring != NULL) {
        wait_for_room(HVT_RING_SIZE - 1);
        uint32_t n = ring->ent_tail;
        ring->entries[n % HVT_RING_SIZE] = (struct hvt_ring_entry){
            .operation = HVT_RING_NET_READ,
            .handle = (uint32_t)handle,
            .data = buf,
            .len = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size,
            .id = next_id++,
        };
        queue();
        uint32_t head = ring->com_head;
        while (__atomic_load_n(&ring->com_tail, __ATOMIC_ACQUIRE) == head)
            cpu_relax();
        struct hvt_ring_commit c = ring->commits[head % HVT_RING_SIZE];
        __atomic_store_n(&ring->com_head, head + 1, __ATOMIC_RELEASE);
        if (c.ret == SOLO5_R_OK)
            *read_size = c.len;
        return (solo5_result_t)c.ret;
    }
    struct hvt_hc_net_read rd = {
        .handle = handle, .data = buf, .len = size, .ret = SOLO5_R_EUNSPEC};
    hvt_do_hypercall(HVT_HYPERCALL_NET_READ, &rd);
    if (rd.ret == SOLO5_R_OK)
        *read_size = rd.len;
    return (solo5_result_t)rd.ret;
}
