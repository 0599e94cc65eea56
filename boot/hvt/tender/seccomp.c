/*
 * seccomp.c: once the VM is built, kiln-hvt needs very little from Linux:
 * KVM_RUN (and KVM_GET_REGS for fault messages) on its vCPU, the devices'
 * fds, its wait set and timer, the clock, writes to stdout and stderr, and
 * exit; with --gdb, the debugger's connection and the vCPU's state; with
 * the network ring, its I/O thread's reads of its kick eventfd (the tap
 * reads and writes it shares with the hypercalls). The filter covers every
 * thread (sandbox_load). Anything else is a tender bug or an exploit: it
 * is stopped and reported.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <sys/ioctl.h>
#include <time.h>

#include "hvt.h"
#include "sandbox.h"

#define ALLOW(ctx, call, ...)                                                  \
    sandbox_check(seccomp_rule_add((ctx), SCMP_ACT_ALLOW, SCMP_SYS(call),     \
                                   __VA_ARGS__),                              \
                  #call)

void hvt_sandbox(struct tender_guest *g, const struct mft *mft, int waitset_fd,
                 int timer_fd)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRAP);
    if (ctx == NULL)
        tender_fail("seccomp: cannot create a filter");

    ALLOW(ctx, ioctl, 2, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->vcpu_fd),
          SCMP_A1(SCMP_CMP_EQ, KVM_RUN));
    ALLOW(ctx, ioctl, 2, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->vcpu_fd),
          SCMP_A1(SCMP_CMP_EQ, KVM_GET_REGS));
    ALLOW(ctx, write, 1, SCMP_A0(SCMP_CMP_EQ, 1));
    ALLOW(ctx, write, 1, SCMP_A0(SCMP_CMP_EQ, 2));
    ALLOW(ctx, epoll_pwait, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)waitset_fd));
    ALLOW(ctx, timerfd_settime, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)timer_fd));
    ALLOW(ctx, clock_gettime, 1, SCMP_A0(SCMP_CMP_EQ, CLOCK_REALTIME));
    ALLOW(ctx, exit_group, 0);
    for (unsigned i = 1; i < mft->entries; i++) {
        const struct mft_entry *e = &mft->e[i];
        unsigned fd = (unsigned)e->b.hostfd;
        if (!e->attached)
            continue;
        if (e->type == MFT_DEV_BLOCK_BASIC) {
            ALLOW(ctx, pread64, 1, SCMP_A0(SCMP_CMP_EQ, fd));
            ALLOW(ctx, pwrite64, 1, SCMP_A0(SCMP_CMP_EQ, fd));
        } else if (e->type == MFT_DEV_NET_BASIC) {
            ALLOW(ctx, read, 1, SCMP_A0(SCMP_CMP_EQ, fd));
            ALLOW(ctx, write, 1, SCMP_A0(SCMP_CMP_EQ, fd));
        }
    }
    if (g->ring_kick_fd >= 0) /* the ring's I/O thread sleeps on it */
        ALLOW(ctx, read, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->ring_kick_fd));
    int gdb = hvt_gdb_fd();
    if (gdb >= 0) {
        /* The gdb stub (module_gdb.c): its connection, the vCPU's state, and
         * the return from its SIGIO handler. */
        ALLOW(ctx, read, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)gdb));
        ALLOW(ctx, write, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)gdb));
        ALLOW(ctx, recvfrom, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)gdb));
        ALLOW(ctx, close, 1, SCMP_A0(SCMP_CMP_EQ, (unsigned)gdb));
        ALLOW(ctx, ioctl, 2, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->vcpu_fd),
              SCMP_A1(SCMP_CMP_EQ, KVM_SET_REGS));
        ALLOW(ctx, ioctl, 2, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->vcpu_fd),
              SCMP_A1(SCMP_CMP_EQ, KVM_GET_SREGS));
        ALLOW(ctx, ioctl, 2, SCMP_A0(SCMP_CMP_EQ, (unsigned)g->vcpu_fd),
              SCMP_A1(SCMP_CMP_EQ, KVM_SET_GUEST_DEBUG));
        ALLOW(ctx, rt_sigreturn, 0);
    }
    sandbox_alt_stack();
    sandbox_report_sigsys("internal error: the tender made a system call its "
                          "seccomp filter forbids", KILN_EXIT_TENDER_ERROR);
    sandbox_load(ctx);
}
