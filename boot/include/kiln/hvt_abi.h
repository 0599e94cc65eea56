/*
 * Kiln hvt ABI: between a guest built for hvt (boot/hvt/) and the KVM tender
 * that runs it (kiln-hvt, boot/hvt/tender/). Binary compatible with Solo5's
 * hvt ABI version 2, so each side also works with Solo5's other side.
 *
 * Compile host code with KILN_HOST defined: guest pointers then become
 * 64-bit guest-physical addresses (hvt_gpa_t) that the tender must check
 * against guest memory before use.
 *
 * Guest memory is one slot at guest physical 0; the guest runs identity
 * mapped in long mode, without interrupts. What lies where:
 *   0x01000         GDT (null, code 0x08, data 0x10)
 *   0x02000         PML4, then PDPT at 0x3000, page directories 0x4000-0x7fff,
 *                   a page table for the first 2 MiB at 0x8000
 *   0x10000         struct hvt_boot_info, then the manifest, then the
 *                   command line; 0x10000-0xfffff is read-only to the guest
 *   0x100000        HVT_GUEST_MIN_BASE: the image's lowest segment
 *   ...             image, then heap up to the stack
 *   mem_size        top of the stack (rsp = mem_size - 8 at entry); with
 *                   a network ring offered, the ring (struct hvt_ring) in
 *                   HVT_RING_RESERVE more bytes of guest memory from here
 * Pages below 0x10000 are not mapped for the guest, so a NULL dereference
 * faults.
 */
#ifndef KILN_HVT_ABI_H
#define KILN_HVT_ABI_H

#include <stddef.h>
#include <stdint.h>
#include "elf_abi.h"

#define HVT_ABI_VERSION 2

/* Lowest guest address an image may load at (and its entry point). */
#define HVT_GUEST_MIN_BASE 0x100000

/* Where the tender places the boot info; rdi holds this at entry. */
#define HVT_BOOT_INFO_BASE 0x10000

/* Size of the command line buffer after the manifest, NUL included. */
#define HVT_CMDLINE_SIZE 8192

/*
 * Hypercalls: the guest writes the 32-bit guest address of the call's
 * argument struct with a 4-byte `outl` to port HVT_HYPERCALL_PIO_BASE + nr.
 * Argument structs must therefore live below 4 GiB.
 */
#define HVT_HYPERCALL_PIO_BASE 0x500

/*
 * The optional shared network ring (host_features bit HVT_FEATURE_RING_IO,
 * struct hvt_ring below): the guest kicks the tender's I/O thread with a
 * 4-byte `outl` of the ring number (0) to this port. The tender wires the
 * port to an eventfd (KVM_IOEVENTFD), so a kick costs no exit to the tender.
 */
#define HVT_RING_KICK_PIO_BASE 0x600

/* Feature bits of hvt_boot_info.host_features / guest_features. */
#define HVT_FEATURE_RING_IO (1U << 0)

#ifdef KILN_HOST
typedef uint64_t hvt_gpa_t;
#define HVT_GUEST_PTR(T) hvt_gpa_t
#else
#define HVT_GUEST_PTR(T) T
/* Issue hypercall nr with argument struct arg (which must lie below 4 GiB). */
static inline void hvt_do_hypercall(int nr, volatile void *arg)
{
    __asm__ __volatile__("outl %0, %1"
                         :
                         : "a"((uint32_t)(uintptr_t)arg),
                           "d"((uint16_t)(HVT_HYPERCALL_PIO_BASE + nr))
                         : "memory");
}

/* Wake the tender's ring I/O thread (it asked to be, with needs_kick). */
static inline void hvt_ring_kick(uint32_t ring)
{
    __asm__ __volatile__("outl %0, %1"
                         :
                         : "a"(ring), "d"((uint16_t)HVT_RING_KICK_PIO_BASE)
                         : "memory");
}
#endif

/*
 * Boot info, 56 bytes at HVT_BOOT_INFO_BASE, written by the tender.
 *   @0  mem_size        bytes of guest memory the guest may use; the stack
 *                       starts at the top (a network ring, if offered,
 *                       lies above it: see net_ring)
 *   @8  kernel_end      first byte after the image's highest segment
 *   @16 cpu_cycle_freq  TSC frequency in Hz, for the guest's monotonic clock
 *   @24 cmdline         guest address of the NUL-terminated command line
 *   @32 mft             guest address of the tender's manifest copy
 *   @40 host_features   HVT_FEATURE_* the tender offers
 *   @44 guest_features  HVT_FEATURE_* the guest accepted; 0 today: neither
 *                       Kiln's guest nor Solo5's writes it (the boot info is
 *                       read-only to a Kiln guest), a guest takes the ring
 *                       just by using it
 *   @48 net_ring        guest address of the network ring (struct hvt_ring),
 *                       0 when not offered. The tender puts it at mem_size
 *                       (page aligned), in HVT_RING_RESERVE bytes of guest
 *                       memory above what mem_size counts, which the guest's
 *                       page tables map writable like the rest
 */
struct hvt_boot_info {
    uint64_t mem_size;
    uint64_t kernel_end;
    uint64_t cpu_cycle_freq;
    HVT_GUEST_PTR(const char *) cmdline;
    HVT_GUEST_PTR(const void *) mft;
    uint32_t host_features;
    uint32_t guest_features;
    HVT_GUEST_PTR(void *) net_ring;
};
_Static_assert(sizeof(struct hvt_boot_info) == 56, "hvt_boot_info is 56 bytes");

/*
 * The shared network ring (HVT_FEATURE_RING_IO), layout-compatible with
 * Solo5 0.12.1's. Frames move without a hypercall: the guest queues
 * entries (NET_WRITE: send this frame; NET_READ: fill this buffer with a
 * received frame) and the tender's I/O thread works through them, posting
 * a commit for each NET_READ. Both sides run at once, on two host CPUs.
 *
 *   @0    ent_tail    guest writes: entries queued so far (free-running)
 *   @4    com_head    guest writes: commits consumed so far
 *   @8    (56 bytes)  padding: the guest's fields have their own cache line
 *   @64   ent_head    tender writes: entries done so far
 *   @68   com_tail    tender writes: commits posted so far
 *   @72   needs_kick  tender writes: 1 while its I/O thread is (about to go)
 *                     asleep; the guest then kicks after queueing
 *   @76   (52 bytes)  padding
 *   @128  entries     HVT_RING_SIZE x struct hvt_ring_entry (32 bytes)
 *   @32896 commits    HVT_RING_SIZE x struct hvt_ring_commit (16 bytes)
 *   49280 bytes in all, within HVT_RING_RESERVE.
 *
 * The counters are 32-bit and wrap; entry n lives in entries[n % SIZE],
 * commit n in commits[n % SIZE]. Queued entries are [ent_head, ent_tail),
 * never more than HVT_RING_SIZE - 1 of them; unconsumed commits are
 * [com_head, com_tail). Each side writes an entry or commit before the
 * counter that publishes it (x86 stores stay in order), and after bumping
 * its counter the guest fences (mfence) before it reads needs_kick, as the
 * tender fences after setting needs_kick before it looks at ent_tail
 * again: otherwise each could miss the other's store and both would wait.
 *
 * Solo5's guest and Kiln's use it the same way: a NET_WRITE is
 * fire-and-forget (the frame is copied to a buffer of the guest's, which it
 * does not reuse until ent_head has passed the entry; no commit); a
 * NET_READ is waited for, its commit consumed before the next entry is
 * queued. Frames longer than HVT_RING_BUF_SIZE go through the NET_WRITE
 * hypercall instead, which stays available.
 *
 * Everything in the ring is guest memory: the tender keeps its own copy of
 * its counters, reads each entry once into private memory, and checks
 * every counter, length and address it reads there (kiln-hvt: net_ring.c).
 */
#define HVT_RING_SIZE 1024 /* entries, and commits; a power of two */
#define HVT_RING_BUF_SIZE 2048 /* the largest frame a NET_WRITE entry carries */
#define HVT_RING_RESERVE 0x200000 /* guest memory the tender sets aside: 2 MiB */

/* hvt_ring_entry.operation */
#define HVT_RING_NET_WRITE 1
#define HVT_RING_NET_READ 2

/* An entry, 32 bytes; the guest writes it, the tender reads it. */
struct hvt_ring_entry {
    uint32_t operation;                /* @0  HVT_RING_NET_WRITE or _READ   */
    uint32_t handle;                   /* @4  the net device's handle       */
    HVT_GUEST_PTR(const void *) data;  /* @8  WRITE: the frame; READ: where
                                                to put one                    */
    uint32_t len;                      /* @16 WRITE: frame bytes; READ: room */
    uint32_t id;                       /* @20 the guest's; copied to commit  */
    uint64_t reserved;                 /* @24 0                              */
};
_Static_assert(sizeof(struct hvt_ring_entry) == 32, "hvt_ring_entry is 32 bytes");

/* A NET_READ's result, 16 bytes; the tender writes it, the guest reads it. */
struct hvt_ring_commit {
    uint32_t id;       /* @0  the entry's id                                 */
    int32_t ret;       /* @4  solo5_result_t: OK, AGAIN (no frame), EINVAL   */
    uint32_t len;      /* @8  bytes of the frame received (with OK)           */
    uint32_t reserved; /* @12 0                                              */
};
_Static_assert(sizeof(struct hvt_ring_commit) == 16, "hvt_ring_commit is 16 bytes");

struct hvt_ring {
    volatile uint32_t ent_tail;
    volatile uint32_t com_head;
    uint8_t guest_pad[56];
    volatile uint32_t ent_head;
    volatile uint32_t com_tail;
    volatile uint32_t needs_kick;
    uint8_t host_pad[52];
    struct hvt_ring_entry entries[HVT_RING_SIZE];
    struct hvt_ring_commit commits[HVT_RING_SIZE];
};
_Static_assert(offsetof(struct hvt_ring, ent_head) == 64, "ent_head @64");
_Static_assert(offsetof(struct hvt_ring, needs_kick) == 72, "needs_kick @72");
_Static_assert(offsetof(struct hvt_ring, entries) == 128, "entries @128");
_Static_assert(offsetof(struct hvt_ring, commits) == 32896, "commits @32896");
_Static_assert(sizeof(struct hvt_ring) == 49280, "hvt_ring is 49280 bytes");
_Static_assert(sizeof(struct hvt_ring) <= HVT_RING_RESERVE, "the ring fits its reserve");

/* Hypercall numbers: the offset from HVT_HYPERCALL_PIO_BASE. 0 is reserved. */
enum hvt_hypercall {
    HVT_HYPERCALL_WALLTIME = 1,
    HVT_HYPERCALL_PUTS = 2,
    HVT_HYPERCALL_POLL = 3,
    HVT_HYPERCALL_BLOCK_WRITE = 4,
    HVT_HYPERCALL_BLOCK_READ = 5,
    HVT_HYPERCALL_NET_WRITE = 6,
    HVT_HYPERCALL_NET_READ = 7,
    HVT_HYPERCALL_HALT = 8,
    HVT_HYPERCALL_MAX = 9
};

/*
 * Argument structs. "in" fields are set by the guest, "out" by the tender.
 * `ret` fields are solo5_result_t values (0 OK, 1 AGAIN, 2 EINVAL, 3 EUNSPEC).
 * size_t is 8 bytes on both sides (x86_64 only).
 */

/* WALLTIME: out nsecs = wall clock, ns since the Unix epoch. */
struct hvt_hc_walltime {
    uint64_t nsecs; /* @0 out */
};

/* PUTS: write len bytes at data to the console. */
struct hvt_hc_puts {
    HVT_GUEST_PTR(const char *) data; /* @0 in */
    size_t len;                       /* @8 in */
};

/*
 * POLL: wait up to timeout_nsecs (relative) for a network device to have
 * input; ready_set gets a bit per ready handle; ret is 1 if any is ready.
 */
struct hvt_hc_poll {
    uint64_t timeout_nsecs; /* @0 in  */
    uint64_t ready_set;     /* @8 out */
    int ret;                /* @16 out */
};

/* BLOCK_WRITE: write one block (len == block size) at a block-aligned offset. */
struct hvt_hc_block_write {
    uint64_t handle;                  /* @0 in  */
    uint64_t offset;                  /* @8 in  */
    HVT_GUEST_PTR(const void *) data; /* @16 in */
    size_t len;                       /* @24 in */
    int ret;                          /* @32 out */
};

/* BLOCK_READ: read one block; same fields, len in/out. */
struct hvt_hc_block_read {
    uint64_t handle;            /* @0 in     */
    uint64_t offset;            /* @8 in     */
    HVT_GUEST_PTR(void *) data; /* @16 in    */
    size_t len;                 /* @24 in/out */
    int ret;                    /* @32 out   */
};

/* NET_WRITE: send one Ethernet frame. */
struct hvt_hc_net_write {
    uint64_t handle;                  /* @0 in  */
    HVT_GUEST_PTR(const void *) data; /* @8 in  */
    size_t len;                       /* @16 in */
    int ret;                          /* @24 out */
};

/* NET_READ: receive one frame; len in = buffer size, out = frame size; AGAIN if none. */
struct hvt_hc_net_read {
    uint64_t handle;            /* @0 in      */
    HVT_GUEST_PTR(void *) data; /* @8 in      */
    size_t len;                 /* @16 in/out */
    int ret;                    /* @24 out    */
};

/*
 * HALT: stop the guest. exit_status becomes the tender's exit status
 * (255 = abort). cookie, if not 0, points at up to HVT_HALT_COOKIE_MAX bytes
 * the tender may report (Kiln passes a trap frame, struct hvt_trap_cookie,
 * on a fault, so the tender can print it; Solo5's tender ignores it).
 */
#define HVT_HALT_COOKIE_MAX 512
struct hvt_hc_halt {
    HVT_GUEST_PTR(void *) cookie; /* @0 in */
    int exit_status;              /* @8 in */
};

#endif /* KILN_HVT_ABI_H */
