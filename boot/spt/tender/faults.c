/*
 * faults.c: turn a guest's crash into one line and status 254.
 *
 * The guest runs on the tender's only thread, on its own stack, with no
 * handlers of its own: a bad access, an invalid instruction or a divide
 * error arrives here as a signal. The handlers run on an alternate stack
 * (the guest's stack may be what broke) and may only use what the seccomp
 * filter allows: write(2) to fd 2 and exit_group. A SIGSEGV inside the
 * stack guard is a stack overflow, and the message says so.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <string.h>
#include <ucontext.h>

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

__attribute__((no_stack_protector))
static void on_fault(int sig, siginfo_t *info, void *context)
{
    sandbox_restore_tls();
    const ucontext_t *uc = context;
    uint64_t addr = (uint64_t)(uintptr_t)info->si_addr;

    if (sig == SIGSEGV && addr >= guard_start && addr < guard_end)
        tender_exit(KILN_EXIT_GUEST_FAULT,
                    "guest fault: stack overflow (guard page at 0x%llx, in the "
                    "guard 0x%llx-0x%llx below the stack; rip 0x%llx): give the "
                    "stack more room (RUNTIME_STACK_SIZE) or recurse less",
                    (unsigned long long)(addr & ~(uint64_t)0xfff),
                    (unsigned long long)guard_start,
                    (unsigned long long)guard_end,
                    (unsigned long long)uc->uc_mcontext.gregs[REG_RIP]);
    tender_exit(KILN_EXIT_GUEST_FAULT,
                "guest fault: %s at address %p (rip 0x%llx)", signal_name(sig),
                info->si_addr, (unsigned long long)uc->uc_mcontext.gregs[REG_RIP]);
}

void spt_catch_faults(const struct tender_guest *g)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
    struct sigaction sa;

    guard_start = g->guard_start;
    guard_end = g->guard_end;
    sandbox_alt_stack();
    sandbox_save_tls();
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0)
            tender_fail("cannot catch %s", signal_name(sigs[i]));
    sandbox_report_sigsys("guest made a forbidden system call", KILN_EXIT_SECCOMP);
}
