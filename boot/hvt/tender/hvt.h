/*
 * hvt.h: kiln-hvt, the KVM tender. One vCPU in long mode, identity-mapped
 * guest memory from guest physical 0, no interrupts; the guest talks to the
 * tender through hypercalls (4-byte `outl` to HVT_HYPERCALL_PIO_BASE + nr
 * of the guest address of an argument struct).
 */
#ifndef KILN_HVT_H
#define KILN_HVT_H

#include <linux/kvm.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kiln/hvt_abi.h"
#include "tender.h"

struct elf_image;
struct elf_segment;

struct tender_guest {
    uint8_t *mem;          /* host address of guest physical 0             */
    size_t mem_size;       /* bytes of guest memory                         */
    const struct elf_image *image; /* its segments; the host maps those
                                      without PROT_WRITE read-only          */
    int kvm_fd, vm_fd, vcpu_fd;
    struct kvm_run *run;   /* the vCPU's shared run structure               */
    uint64_t tsc_hz;       /* for the boot info                             */
    bool nx;               /* the vCPU has NX: page tables use it           */
    uint64_t guard_start;  /* stack guard [guard_start, guard_end), not     */
    uint64_t guard_end;    /* present to the guest; equal if there is none  */
    uint64_t ring_gpa;     /* the network ring, at the top of guest memory
                              above what the boot info's mem_size counts;
                              0 when not offered (net_ring_thread.c)     */
    int ring_kick_fd;      /* its eventfd, -1 without one               */
    bool guest_wx;         /* W^X in the guest's page tables too: a Kiln
                              image (it has the stack note). A Solo5 image
                              gets solo5-hvt's tables, every segment
                              writable there; the host mapping alone keeps
                              text and rodata read-only, as under solo5-hvt */
};

/* kvm.c: open /dev/kvm, create the VM with guest memory and one vCPU. */
void hvt_kvm_init(struct tender_guest *g, size_t mem_size);

/*
 * memory.c: map the image's read-only segments (text, rodata) read-only on
 * the host side, and remember image in g. Call once it is loaded: the
 * tender never writes those pages again, and KVM gives the guest no write
 * access to them whatever its own page tables say.
 */
void hvt_protect_image(struct tender_guest *g, const char *path,
                       const struct elf_image *image);

/* memory.c: the read-only segment that [gpa, gpa + len) overlaps, or NULL. */
const struct elf_segment *hvt_read_only_segment(const struct tender_guest *g,
                                                uint64_t gpa, uint64_t len);

/*
 * paging_x86_64.c: GDT and page tables in low guest memory (W^X for the
 * image; the stack guard, if g has one, not present).
 */
void hvt_setup_paging(struct tender_guest *g, const struct elf_image *image);

/* vcpu_x86_64.c: CPUID, TSC frequency, long-mode registers at entry. */
void hvt_setup_cpuid(struct tender_guest *g);
void hvt_setup_vcpu(struct tender_guest *g, uint64_t entry);

/* boot_info.c: the boot info, manifest copy and command line at 0x10000. */
void hvt_write_boot_info(struct tender_guest *g, uint64_t kernel_end,
                         const struct mft *mft, size_t mft_size,
                         char *const *app_argv);

/* seccomp.c: allow only what running the vCPU and the devices needs. */
void hvt_sandbox(struct tender_guest *g, const struct mft *mft, int waitset_fd,
                 int timer_fd);

/* run.c: run the vCPU until the guest halts; never returns. */
__attribute__((noreturn)) void hvt_run(struct tender_guest *g);

/* run.c: the guest's rip now (0 if it cannot be read). */
uint64_t hvt_guest_rip(struct tender_guest *g);

/* run.c: "<tender>: guest fault: <message>", exit 254. */
__attribute__((noreturn, format(printf, 2, 3)))
void hvt_guest_fault(struct tender_guest *g, const char *fmt, ...);

/* ---- hypercalls (hypercall.c) ---- */

typedef void (*hvt_hypercall_fn)(struct tender_guest *g, uint64_t gpa);

/* Install fn for hypercall nr (exits if nr is taken or out of range). */
void hvt_register_hypercall(unsigned nr, const char *name, hvt_hypercall_fn fn);

/* Handle an `outl` of value to port; exits as a guest fault if it is not a hypercall. */
void hvt_dispatch(struct tender_guest *g, uint16_t port, uint32_t value);

/*
 * Host pointer to guest range [gpa, gpa + len), for the tender to read, or a
 * guest fault naming the current hypercall and what (e.g. "PUTS buffer")
 * if it is not all inside guest memory.
 */
void *hvt_guest_range(struct tender_guest *g, uint64_t gpa, uint64_t len,
                      const char *what);

/*
 * The same, for the tender to write: also a guest fault if the range
 * overlaps a segment the host maps read-only (writing there would kill the
 * tender with SIGSEGV, or fail the read(2) that fills it).
 */
void *hvt_guest_writable(struct tender_guest *g, uint64_t gpa, uint64_t len,
                         const char *what);

/* Copy an argument struct in from / results out to guest memory (checked). */
void hvt_copy_in(struct tender_guest *g, uint64_t gpa, void *dst, size_t len);
void hvt_copy_out(struct tender_guest *g, uint64_t gpa, const void *src, size_t len);

/* module_clock.c: add fd to the POLL wait set; its readiness sets bit handle. */
void hvt_waitset_add(int fd, uint64_t handle);
/*
 * module_clock.c: add fd to the POLL wait set as a wake-up only: its input
 * ends a wait early, with no handle ready (module_gdb.c: gdb's Ctrl-C).
 */
void hvt_waitset_add_wakeup(int fd);
/* module_clock.c: the wait set and its timer, for the seccomp filter. */
int hvt_waitset_fd(void);
int hvt_timer_fd(void);

/* ---- the shared network ring (net_ring.c, net_ring_thread.c) ---- */

/* The tender's side of the ring: its own counters, never the guest's copies. */
struct hvt_net_ring {
    const struct tender_guest *g;
    struct mft *mft;       /* the host manifest: the devices' tap fds      */
    struct hvt_ring *ring; /* host address of the ring (guest memory)      */
    uint64_t gpa;          /* its guest address, for messages              */
    uint32_t ent_head;     /* entries done                                 */
    uint32_t com_tail;     /* commits posted                               */
    uint64_t dropped;      /* frames the tap would not take (EAGAIN)       */
    int kick_fd;           /* the eventfd the guest's kick signals         */
    unsigned spins;        /* looks at an idle ring before sleeping        */
};

/*
 * Do every entry queued, checking each (a bad one is a guest fault naming
 * it); false if there was none.
 */
bool hvt_net_ring_work(struct hvt_net_ring *r);

/*
 * module_core.c: run by HALT before the tender exits, if set
 * (net_ring_thread.c: let the I/O thread send the frames still queued).
 */
extern void (*hvt_before_halt)(void);

/* module_net.c: --no-net-ring was given. */
extern bool hvt_net_ring_disabled;

/*
 * Bytes of guest memory to add above mem_size for the ring: HVT_RING_RESERVE
 * with a net device attached (unless disabled, or mem_size + the ring would
 * pass mem_max), else 0.
 */
size_t hvt_net_ring_reserve(const struct mft *mft, size_t mem_size, size_t mem_max);

/*
 * If g->ring_gpa is set: wire the kick port to an eventfd and start the
 * I/O thread; clears g->ring_gpa if this KVM cannot (no ioeventfd).
 */
void hvt_net_ring_start(struct tender_guest *g, struct mft *mft);

/* The modules (module_*.c). */
extern const struct tender_module hvt_module_core;
extern const struct tender_module hvt_module_console;
extern const struct tender_module hvt_module_clock;
extern const struct tender_module hvt_module_block;
extern const struct tender_module hvt_module_net;
extern const struct tender_module hvt_module_gdb;

/*
 * module_gdb.c: the gdb stub's hooks into the vCPU loop (each does nothing
 * without --gdb): hvt_gdb_start before the first instruction (gdb takes
 * over), hvt_gdb_poll before each entry into the guest (gdb's Ctrl-C),
 * hvt_gdb_debug_exit on KVM_EXIT_DEBUG (a single step; a guest fault when
 * no debugger is attached), hvt_gdb_breakpoint_hit on KVM_EXIT_HLT (true
 * if the hlt was one of gdb's breakpoints, and gdb has resumed the guest);
 * hvt_gdb_fd is the connection to gdb, -1 without one (seccomp.c allows
 * what the stub does with it).
 */
void hvt_gdb_start(struct tender_guest *g);
void hvt_gdb_poll(struct tender_guest *g);
void hvt_gdb_debug_exit(struct tender_guest *g);
bool hvt_gdb_breakpoint_hit(struct tender_guest *g);
int hvt_gdb_fd(void);
/*
 * module_gdb.c: serve gdb on fd, a connection to it, from now on (the
 * module's setup does this once gdb connects; the fuzz target does it with
 * a socket pair).
 */
void hvt_gdb_attach(struct tender_guest *g, int fd);

#endif /* KILN_HVT_H */
