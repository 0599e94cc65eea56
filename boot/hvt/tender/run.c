/*
 * run.c: the vCPU loop, and what each way of stopping means to the user.
 *
 * Anything other than a hypercall is a guest fault (exit 254) with one
 * line saying what KVM saw. On an emulating KVM (nested, paravirtual) the
 * usual one is an emulation failure on an instruction it cannot emulate,
 * often SSE: the message says so.
 *
 * One exception, for Solo5's sake: a guest write to memory the host maps
 * read-only (memory.c), which only a guest that rewrote its own page
 * tables can attempt, ends the tender as solo5-hvt ends it, status 1 and a
 * "host/guest translation fault". KVM reports it as a KVM_RUN failing
 * with EFAULT (an emulating KVM: as an MMIO exit inside guest memory).
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "elf_image.h"
#include "hvt.h"
#include "x86_64.h"

uint64_t hvt_guest_rip(struct tender_guest *g)
{
    struct kvm_regs regs;

    if (ioctl(g->vcpu_fd, KVM_GET_REGS, &regs) != 0)
        return 0;
    return regs.rip;
}

/*
 * A triple fault. With a stack guard, the usual cause is a stack overflow:
 * the access into the guard raises #PF, the CPU cannot push its frame on
 * that same stack, nor the #DF frame after it, and gives up. So if rsp is
 * in the guard or within a page above it, say so.
 */
__attribute__((noreturn)) static void triple_fault(struct tender_guest *g)
{
    struct kvm_regs regs;

    /*
     * AMD SVM resets the vCPU on shutdown (rip 0xfff0, rsp 0): where and
     * on which stack it faulted is lost, and saying "rip 0xfff0" would
     * mislead.
     */
    if (ioctl(g->vcpu_fd, KVM_GET_REGS, &regs) != 0 ||
        (regs.rip == 0xfff0 && regs.rsp == 0))
        hvt_guest_fault(g, "triple fault: the guest took an exception it "
                        "could not handle (no IDT yet?); this CPU reset its "
                        "registers, so where is not known");
    if (g->guard_end > g->guard_start && regs.rsp >= g->guard_start &&
        regs.rsp < g->guard_end + X86_PAGE_SIZE)
        hvt_guest_fault(g, "triple fault at rip 0x%llx: a stack overflow into "
                        "the guard page below the stack at 0x%" PRIx64 "-0x%"
                        PRIx64 " (rsp 0x%llx): give the stack more room "
                        "(RUNTIME_STACK_SIZE) or recurse less",
                        regs.rip, g->guard_start, g->guard_end, regs.rsp);
    hvt_guest_fault(g, "triple fault at rip 0x%llx (rsp 0x%llx): the guest "
                    "took an exception it could not handle (no IDT yet?)",
                    regs.rip, regs.rsp);
}

void hvt_guest_fault(struct tender_guest *g, const char *fmt, ...)
{
    char what[768];
    va_list ap;

    (void)g;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault: %s", what);
}

/* "0f 59 c1 ..." from guest memory at rip (identity mapped), for the message. */
static void code_bytes(struct tender_guest *g, uint64_t rip, char *buf, size_t size)
{
    size_t used = 0;

    buf[0] = '\0';
    for (unsigned i = 0; i < 8 && rip < g->mem_size && i < g->mem_size - rip; i++) {
        int n = snprintf(buf + used, size - used, "%s%02x", i ? " " : "",
                         g->mem[rip + i]);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

__attribute__((noreturn)) static void internal_error(struct tender_guest *g)
{
    uint64_t rip = hvt_guest_rip(g);
    char bytes[32];

    if (g->run->internal.suberror == KVM_INTERNAL_ERROR_EMULATION) {
        code_bytes(g, rip, bytes, sizeof bytes);
        hvt_guest_fault(g, "KVM internal error (emulation failure) at rip=0x%"
                        PRIx64 " (bytes %s): the host KVM could not execute a "
                        "guest instruction (on an emulating KVM this is often an "
                        "SSE instruction)", rip, bytes);
    }
    hvt_guest_fault(g, "KVM internal error (suberror %u) at rip=0x%" PRIx64,
                    g->run->internal.suberror, rip);
}

/*
 * The guest wrote to a page the host maps read-only: at gpa in segment s
 * when KVM says where (an MMIO exit), somewhere in them when it does not
 * (EFAULT: the message lists them).
 */
__attribute__((noreturn)) static void read_only_write(struct tender_guest *g,
                                                      const struct elf_segment *s,
                                                      uint64_t gpa)
{
    char where[512];
    size_t used = 0;

    where[0] = '\0';
    for (unsigned i = 0; s == NULL && i < g->image->nsegments; i++) {
        const struct elf_segment *r = &g->image->segments[i];
        if (r->prot & PROT_WRITE)
            continue;
        int n = snprintf(where + used, sizeof where - used, "%s0x%" PRIx64
                         "-0x%" PRIx64, used ? ", " : "", r->start, r->end);
        if (n < 0 || (size_t)n >= sizeof where - used)
            break;
        used += (size_t)n;
    }
    if (s != NULL)
        tender_exit(KILN_EXIT_TENDER_ERROR, "host/guest translation fault at "
                    "rip 0x%" PRIx64 ": the guest wrote to 0x%" PRIx64 " in its "
                    "read-only segment 0x%" PRIx64 "-0x%" PRIx64 " (text or "
                    "rodata), which the host maps read-only", hvt_guest_rip(g),
                    gpa, s->start, s->end);
    tender_exit(KILN_EXIT_TENDER_ERROR, "host/guest translation fault at rip "
                "0x%" PRIx64 ": the guest wrote to memory the host maps "
                "read-only, its text or rodata (%s)", hvt_guest_rip(g), where);
}

__attribute__((noreturn)) static void mmio(struct tender_guest *g)
{
    struct kvm_run *run = g->run;
    uint64_t gpa = run->mmio.phys_addr;

    if (run->mmio.is_write && gpa < g->mem_size) {
        const struct elf_segment *s = hvt_read_only_segment(g, gpa, 1);
        if (s != NULL)
            read_only_write(g, s, gpa);
    }
    hvt_guest_fault(g, "%s of %u bytes at 0x%" PRIx64 ", outside guest memory "
                    "or read-only to the host (rip 0x%" PRIx64 ")",
                    run->mmio.is_write ? "write" : "read", run->mmio.len, gpa,
                    hvt_guest_rip(g));
}

static void port_io(struct tender_guest *g)
{
    struct kvm_run *run = g->run;

    if (run->io.direction != KVM_EXIT_IO_OUT || run->io.size != 4 ||
        run->io.count != 1)
        hvt_guest_fault(g, "unexpected port I/O: %s of %u bytes (x%u) at port "
                        "0x%x (rip 0x%" PRIx64 "); hypercalls are 4-byte outl",
                        run->io.direction == KVM_EXIT_IO_OUT ? "out" : "in",
                        run->io.size, run->io.count, run->io.port,
                        hvt_guest_rip(g));
    uint32_t value;
    memcpy(&value, (uint8_t *)run + run->io.data_offset, sizeof value);
    hvt_dispatch(g, run->io.port, value);
}

void hvt_run(struct tender_guest *g)
{
    struct kvm_run *run = g->run;

    hvt_gdb_start(g);
    for (;;) {
        hvt_gdb_poll(g);
        if (ioctl(g->vcpu_fd, KVM_RUN, 0) != 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            if (errno == EFAULT)
                read_only_write(g, NULL, 0);
            tender_fail("KVM_RUN: %s", strerror(errno));
        }
        switch (run->exit_reason) {
        case KVM_EXIT_IO:
            port_io(g);
            break;
        case KVM_EXIT_DEBUG:
            hvt_gdb_debug_exit(g);
            break;
        case KVM_EXIT_MMIO:
            mmio(g);
        case KVM_EXIT_INTERNAL_ERROR:
            internal_error(g);
        case KVM_EXIT_SHUTDOWN:
            triple_fault(g);
        case KVM_EXIT_FAIL_ENTRY:
            hvt_guest_fault(g, "KVM could not enter the guest (hardware entry "
                            "failure reason 0x%llx)",
                            (unsigned long long)run->fail_entry
                                .hardware_entry_failure_reason);
        case KVM_EXIT_HLT:
            if (hvt_gdb_breakpoint_hit(g))
                break;
            hvt_guest_fault(g, "the guest executed HLT with no interrupts to wake "
                            "it (rip 0x%" PRIx64 ")", hvt_guest_rip(g));
        default:
            hvt_guest_fault(g, "unexpected KVM exit %u at rip 0x%" PRIx64,
                            run->exit_reason, hvt_guest_rip(g));
        }
    }
}
