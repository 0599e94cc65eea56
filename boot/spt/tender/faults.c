/*
 * faults.c: turn a guest's crash into one line, then die by its signal.
 *
 * The guest runs on the tender's only thread, on its own stack, with no
 * handlers of its own: a bad access, an invalid instruction or a divide
 * error arrives here as SIGSEGV, SIGBUS, SIGILL or SIGFPE. The handler says
 * what happened in one line ("guest fault: ..."; a SIGSEGV inside the stack
 * guard is a stack overflow; a signal another process sent is named as
 * such), prints the guest's backtrace as the guest itself prints one
 * (boot/common/backtrace.c: the faulting rip, then the frame-pointer chain
 * within the guest's stack, for the host to resolve), then ends the
 * process by that same signal, as solo5-spt (which has no handlers) ends:
 * a shell sees 139 for SIGSEGV, 135 SIGBUS, 132 SIGILL, 136 SIGFPE; a
 * supervisor's waitpid sees WIFSIGNALED.
 *
 * The handler runs on an alternate stack (the guest's may be what broke)
 * under the guest's seccomp filter, which allows write(2) and exit_group
 * but neither rt_sigaction nor kill. So SA_RESETHAND restores the default
 * action as the handler is entered (a fault inside the handler then ends
 * the process too), and the handler makes the same kind of fault once
 * more: a fault whose signal is blocked, as it is while its handler runs,
 * makes the kernel unblock it and apply the default action.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "sandbox.h"
#include "spt.h"

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV:
        return "SIGSEGV";
    case SIGBUS:
        return "SIGBUS";
    case SIGILL:
        return "SIGILL";
    case SIGFPE:
        return "SIGFPE";
    default:
        return "signal";
    }
}

/* The stack guard, for on_fault (set before the guest runs). */
static uint64_t guard_start, guard_end;
/* The guest's stack, [guard_end, mem_top): only there does the walk read. */
static uint64_t mem_top;
/* The image's executable segments: where a return address must point. */
static const struct elf_image *image;

#define MAX_FRAMES 32

/*
 * The guest's backtrace, in the guest's own format: rip, then the return
 * address less one of each frame of the rbp chain. Only a Kiln image (it
 * has the stack note, hence a guard) says where its stack is; for others
 * the walk is skipped. An image built without frame pointers has something
 * else in rbp: the walk stops at the first return address that is not in
 * the image's code, which keeps it short, but frames after #0 may then be
 * wrong (the guest's own backtraces say they need frame pointers).
 */
static bool in_code(uint64_t addr)
{
    for (unsigned i = 0; i < image->nsegments; i++)
        if ((image->segments[i].prot & PROT_EXEC) && addr >= image->segments[i].vaddr &&
            addr - image->segments[i].vaddr < image->segments[i].memsz)
            return true;
    return false;
}

static void guest_backtrace(uint64_t rip, uint64_t fp)
{
    unsigned n = 0;

    tender_warn("backtrace (most recent call first):");
    tender_warn("  #%u 0x%016llx", n++, (unsigned long long)rip);
    if (guard_end == guard_start)
        return;
    while (n < MAX_FRAMES && fp % 8 == 0 && fp >= guard_end && fp <= mem_top - 16) {
        const uint64_t *frame = (const uint64_t *)(uintptr_t)fp;
        if (frame[1] == 0 || !in_code(frame[1] - 1)) /* 0: _start's frame */
            break;
        tender_warn("  #%u 0x%016llx", n++, (unsigned long long)(frame[1] - 1));
        if (frame[0] <= fp)
            break;
        fp = frame[0];
    }
}

/*
 * Pages whose reading faults, mapped before the guest runs (it cannot map
 * or unmap anything after): one PROT_NONE (SIGSEGV), one of an empty
 * memfd (SIGBUS: the page lies past the end of its file).
 */
static const volatile char *segv_page, *bus_page;

/* Make the fault that raises sig, with sig blocked: the process dies by it. */
__attribute__((noreturn, no_stack_protector))
static void die_by(int sig)
{
    switch (sig) {
    case SIGSEGV:
        (void)*segv_page;
        break;
    case SIGBUS:
        (void)*bus_page;
        break;
    case SIGILL:
        __asm__ __volatile__("ud2");
        break;
    case SIGFPE: /* an integer division by zero: #DE */
        __asm__ __volatile__("xor %%ecx, %%ecx\n\tdiv %%ecx"
                             :
                             :
                             : "eax", "ecx", "edx", "cc");
        break;
    }
    _exit(128 + sig); /* not reached: what a shell would have seen */
}

__attribute__((no_stack_protector))
static void on_fault(int sig, siginfo_t *info, void *context)
{
    sandbox_enter_handler();
    const ucontext_t *uc = context;
    uint64_t addr = (uint64_t)(uintptr_t)info->si_addr;
    unsigned long long rip = (unsigned long long)uc->uc_mcontext.gregs[REG_RIP];

    if (info->si_code <= 0) /* SI_USER, SI_QUEUE, SI_TKILL: from a process */
        tender_warn("%s sent by process %d (rip 0x%llx)", signal_name(sig),
                    (int)info->si_pid, rip);
    else if (sig == SIGSEGV && addr >= guard_start && addr < guard_end)
        tender_warn("guest fault: stack overflow (guard page at 0x%llx, in the "
                    "guard 0x%llx-0x%llx below the stack; rip 0x%llx): give the "
                    "stack more room (RUNTIME_STACK_SIZE) or recurse less",
                    (unsigned long long)(addr & ~(uint64_t)0xfff),
                    (unsigned long long)guard_start,
                    (unsigned long long)guard_end, rip);
    else
        tender_warn("guest fault: %s at address %p (rip 0x%llx)",
                    signal_name(sig), info->si_addr, rip);
    if (info->si_code > 0)
        guest_backtrace(rip, (uint64_t)uc->uc_mcontext.gregs[REG_RBP]);
    die_by(sig);
}

static const volatile char *map_fault_page(int fd, int prot, int flags)
{
    void *p = mmap(NULL, 4096, prot, flags, fd, 0);
    if (p == MAP_FAILED)
        tender_fail("cannot map a page for the fault handlers: %s",
                    strerror(errno));
    return p;
}

void spt_catch_faults(const struct tender_guest *g)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
    struct sigaction sa;

    guard_start = g->guard_start;
    guard_end = g->guard_end;
    mem_top = g->mem_size;
    image = g->image;
    segv_page = map_fault_page(-1, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS);
    int fd = memfd_create("kiln-sigbus", MFD_CLOEXEC);
    if (fd < 0)
        tender_fail("memfd_create: %s", strerror(errno));
    bus_page = map_fault_page(fd, PROT_READ, MAP_SHARED);
    close(fd);

    sandbox_alt_stack();
    sandbox_save_tls();
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigfillset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0)
            tender_fail("cannot catch %s", signal_name(sigs[i]));
    sandbox_report_sigsys("guest made a forbidden system call", KILN_EXIT_SECCOMP);
}
