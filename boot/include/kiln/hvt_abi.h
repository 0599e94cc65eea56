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
 *   mem_size        top of the stack (rsp = mem_size - 8 at entry)
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

/* Optional shared network ring (host_features bit 0): kicked through this port. */
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
#endif

/*
 * Boot info, 56 bytes at HVT_BOOT_INFO_BASE, written by the tender.
 *   @0  mem_size        bytes of guest memory; the stack starts at the top
 *   @8  kernel_end      first byte after the image's highest segment
 *   @16 cpu_cycle_freq  TSC frequency in Hz, for the guest's monotonic clock
 *   @24 cmdline         guest address of the NUL-terminated command line
 *   @32 mft             guest address of the tender's manifest copy
 *   @40 host_features   HVT_FEATURE_* the tender offers
 *   @44 guest_features  HVT_FEATURE_* the guest accepted (guest writes)
 *   @48 net_ring        guest address of the network ring, 0 when absent
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
