/*
 * fuzz_net_ring.c: libFuzzer target for kiln-hvt's consumer of the shared
 * network ring (boot/hvt/tender/net_ring.c), the one piece of the tender
 * that reads guest memory while the guest runs. A fake guest: malloc'd
 * guest memory (ASan catches any host access outside it) with the ring in
 * it, one net device whose tap is a socketpair.
 *
 * Input: byte 0 says whether a frame waits on the net device (bit 0) and
 * how long it is (the other bits, in 16-byte units); bytes 1-4 are where
 * the tender's own counters (ent_head, com_tail) stand, little-endian, so
 * wrapping counters get tried; the rest is guest memory from guest
 * physical 0, ring included (zeros after it).
 *
 * The invariants, each an abort() that libFuzzer reports:
 *   - the work either returns or ends the guest as a guest fault (status
 *     254, "guest fault: network ring..."); never a tender error;
 *   - it never writes the image's read-only segment;
 *   - what it publishes in the ring (ent_head, com_tail, once it has
 *     done an entry, posted a commit) are its own counters, which only
 *     move forward, by at most the ring's size;
 *   - no host memory outside the guest buffer is touched (ASan).
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "diag_standin.h"
#include "fuzz_guest.h"
#include "elf_image.h"
#include "hvt.h"

#define GUEST_MEM_SIZE 0x18000
#define RO_START 0x1000 /* the image's text: read-only to the tender */
#define RO_END 0x2000
#define RING_GPA 0x4000 /* the ring: 0x4000-0x10080; buffers may go above */
#define HEADER 5

static const struct elf_image image = {
    .nsegments = 1,
    .segments = {{.vaddr = RO_START, .memsz = RO_END - RO_START,
                  .start = RO_START, .end = RO_END, .prot = PROT_READ | PROT_EXEC}},
};

static struct tender_guest guest;
static struct mft *mft;
static int net_peer; /* the other end of net0's socketpair */
static uint8_t ro_before[RO_END - RO_START];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
        abort();
    net_peer = sv[1];
    mft = calloc(1, sizeof *mft + 2 * sizeof(struct mft_entry));
    guest.mem = malloc(GUEST_MEM_SIZE);
    if (mft == NULL || guest.mem == NULL)
        abort();
    mft->version = MFT_VERSION;
    mft->entries = 2;
    mft->e[0].type = MFT_RESERVED_FIRST;
    strcpy(mft->e[1].name, "net0");
    mft->e[1].type = MFT_DEV_NET_BASIC;
    mft->e[1].attached = true;
    mft->e[1].b.hostfd = sv[0];
    mft->e[1].u.net_basic.mtu = 1500;
    guest.mem_size = GUEST_MEM_SIZE;
    guest.image = &image;
    guest.kvm_fd = guest.vm_fd = guest.vcpu_fd = guest.ring_kick_fd = -1;
    guest.ring_gpa = RING_GPA;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEADER)
        return 0;
    bool queue_frame = data[0] & 1;
    size_t frame = (size_t)(data[0] >> 1) * 16;
    uint32_t start = (uint32_t)data[1] | (uint32_t)data[2] << 8 |
                     (uint32_t)data[3] << 16 | (uint32_t)data[4] << 24;
    data += HEADER;
    size -= HEADER;

    fuzz_guest_load(guest.mem, GUEST_MEM_SIZE, data, size, ro_before, RO_START,
                    sizeof ro_before, net_peer, queue_frame, frame);

    struct hvt_net_ring r = {
        .g = &guest,
        .mft = mft,
        .ring = (struct hvt_ring *)(guest.mem + RING_GPA),
        .gpa = RING_GPA,
        .ent_head = start,
        .com_tail = start,
        .kick_fd = -1,
    };
    if (setjmp(fuzz_refused) == 0) {
        bool worked = hvt_net_ring_work(&r);
        if (worked && (r.ring->ent_head != r.ent_head ||
                       (r.com_tail != start && r.ring->com_tail != r.com_tail))) {
            fprintf(stderr, "the ring's ent_head/com_tail (%u/%u) are not the "
                    "tender's counters (%u/%u)\n", r.ring->ent_head,
                    r.ring->com_tail, r.ent_head, r.com_tail);
            abort();
        }
    } else if (fuzz_exit_status != KILN_EXIT_GUEST_FAULT ||
               strncmp(fuzz_exit_message, "guest fault: network ring", 25) != 0) {
        fprintf(stderr, "the ring's work ended the tender with status %d, not "
                "as a guest fault: %s\n", fuzz_exit_status, fuzz_exit_message);
        abort();
    }
    if ((uint32_t)(r.ent_head - start) > HVT_RING_SIZE ||
        (uint32_t)(r.com_tail - start) > HVT_RING_SIZE) {
        fprintf(stderr, "the tender's counters moved from %u to %u/%u\n", start,
                r.ent_head, r.com_tail);
        abort();
    }
    if (memcmp(ro_before, guest.mem + RO_START, sizeof ro_before) != 0) {
        fprintf(stderr, "the tender wrote the image's read-only segment\n");
        abort();
    }
    return 0;
}
