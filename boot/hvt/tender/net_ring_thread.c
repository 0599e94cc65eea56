/*
 * net_ring_thread.c: offering the shared network ring (kiln/hvt_abi.h).
 *
 * With a net device attached, kiln-hvt sets HVT_RING_RESERVE bytes aside
 * above the guest's memory for the ring, wires the kick port to an eventfd
 * (KVM_IOEVENTFD: the guest's kick then never leaves KVM) and starts an
 * I/O thread that moves frames between the ring and the taps
 * (net_ring.c), so the vCPU thread never stops for a frame. The thread
 * spins a little after each piece of work, since more usually follows,
 * then sets needs_kick and sleeps on the eventfd. With one CPU to run on
 * (a VM with one vCPU, as scripts/kvm-in-qemu's) it does not spin: the
 * guest's vCPU would wait for it all that time, while the kick that wakes
 * a sleeping thread hands it the CPU at once.
 *
 * The ring is not offered with --no-net-ring (the guest then uses the
 * NET_WRITE/NET_READ hypercalls, which stay available anyway), at the
 * largest memory size (no room above it), or if this KVM has no ioeventfd.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hvt.h"

#define SPINS 4096 /* looks at the ring before sleeping: a few microseconds */

static struct hvt_net_ring state;

size_t hvt_net_ring_reserve(const struct mft *mft, size_t mem_size, size_t mem_max)
{
    if (hvt_net_ring_disabled || mem_size + HVT_RING_RESERVE > mem_max)
        return 0;
    for (unsigned i = 1; i < mft->entries; i++)
        if (mft->e[i].type == MFT_DEV_NET_BASIC && mft->e[i].attached)
            return HVT_RING_RESERVE;
    return 0;
}

/* How many CPUs this process may run on (1 if it cannot tell). */
static int usable_cpus(void)
{
    cpu_set_t set;

    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return 1;
    return CPU_COUNT(&set);
}

static bool ring_is_idle(const struct hvt_net_ring *r)
{
    return __atomic_load_n(&r->ring->ent_tail, __ATOMIC_ACQUIRE) == r->ent_head;
}

static void *io_thread(void *arg)
{
    struct hvt_net_ring *r = arg;

    for (;;) {
        if (hvt_net_ring_work(r))
            continue;
        unsigned spins = 0;
        while (ring_is_idle(r) && spins++ < r->spins)
            __builtin_ia32_pause();
        if (!ring_is_idle(r))
            continue;
        r->ring->needs_kick = 1;
        /* needs_kick is visible before ent_tail is read again; the guest
         * fences the other way round, so one of us sees the other. */
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        if (ring_is_idle(r)) {
            uint64_t kicks;
            while (read(r->kick_fd, &kicks, sizeof kicks) < 0)
                if (errno != EINTR && errno != EAGAIN)
                    tender_fail("network ring: cannot read its kick eventfd: %s",
                                strerror(errno));
        }
        r->ring->needs_kick = 0;
    }
}

/*
 * Before HALT: a guest's NET_WRITEs are not waited for, so its last frames
 * may still be queued. Give the I/O thread a bounded while to send them
 * (the filter allows no sleeping here; on one CPU, the thread runs once
 * this one's time slice ends).
 */
static void drain(void)
{
    for (unsigned long i = 0; i < 50UL * 1000 * 1000; i++) {
        /* The published ent_head: the thread's own count is its alone. */
        if (__atomic_load_n(&state.ring->ent_head, __ATOMIC_ACQUIRE) ==
            __atomic_load_n(&state.ring->ent_tail, __ATOMIC_ACQUIRE))
            return;
        __builtin_ia32_pause();
    }
}

void hvt_net_ring_start(struct tender_guest *g, struct mft *mft)
{
    if (g->ring_gpa == 0)
        return;
    if (ioctl(g->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_IOEVENTFD) <= 0) {
        g->ring_gpa = 0; /* guests use the hypercalls */
        return;
    }
    int fd = eventfd(0, EFD_CLOEXEC);
    if (fd < 0)
        tender_fail("network ring: eventfd: %s", strerror(errno));
    struct kvm_ioeventfd kick = {
        .addr = HVT_RING_KICK_PIO_BASE,
        .len = 4,
        .fd = fd,
        .flags = KVM_IOEVENTFD_FLAG_PIO,
    };
    if (ioctl(g->vm_fd, KVM_IOEVENTFD, &kick) != 0)
        tender_fail("network ring: KVM_IOEVENTFD on port 0x%x: %s (run with "
                    "--no-net-ring to do without the ring)",
                    HVT_RING_KICK_PIO_BASE, strerror(errno));

    memset(g->mem + g->ring_gpa, 0, sizeof(struct hvt_ring));
    state = (struct hvt_net_ring){
        .g = g,
        .mft = mft,
        .ring = (struct hvt_ring *)(g->mem + g->ring_gpa),
        .gpa = g->ring_gpa,
        .kick_fd = fd,
        .spins = usable_cpus() > 1 ? SPINS : 0,
    };
    g->ring_kick_fd = fd;
    hvt_before_halt = drain;

    /* Started before the seccomp filter, which sandbox_load then applies
     * to this thread too (SECCOMP_FILTER_FLAG_TSYNC). */
    pthread_t thread;
    int rc = pthread_create(&thread, NULL, io_thread, &state);
    if (rc != 0)
        tender_fail("network ring: cannot start its I/O thread: %s", strerror(rc));
}
