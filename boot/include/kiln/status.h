/*
 * Exit statuses of Kiln's tenders (kiln-hvt, kiln-spt), beside the
 * application's own: whatever the application passes to solo5_exit (0..253,
 * by convention) is the tender's status unchanged. Where Solo5's tenders
 * end a given way, Kiln's end the same way, so that what reads the status
 * (a shell, an orchestrator, Solo5's own tests) sees what it expects.
 */
#ifndef KILN_STATUS_H
#define KILN_STATUS_H

/*
 * The tender could not start the image: bad arguments, unreadable or
 * invalid ELF, a device that cannot be attached. On hvt also, as for
 * solo5-hvt, a "host/guest translation fault": the guest wrote to its
 * text or rodata, which the host maps read-only (possible only for a guest
 * that rewrote its own page tables; KVM fails KVM_RUN with EFAULT).
 */
#define KILN_EXIT_TENDER_ERROR 1

/*
 * hvt: the guest faulted: a CPU exception caught by the guest's handlers
 * (which print the trap and registers first), or something the tender saw
 * (KVM internal error, an access outside guest memory, a triple fault, a
 * bad hypercall argument). The tender prints "guest fault: ...".
 *
 * spt does not use it: a SIGSEGV, SIGBUS, SIGILL or SIGFPE from the guest
 * is reported ("guest fault: ..."), then the tender dies by that signal,
 * as solo5-spt does (a shell's $? is 128 + the signal: 139 for SIGSEGV,
 * 135 SIGBUS, 132 SIGILL, 136 SIGFPE).
 */
#define KILN_EXIT_GUEST_FAULT 254

/* solo5_abort(), abort(), a failed assert or stack-protector check. */
#define KILN_EXIT_ABORT 255

/*
 * spt only: the seccomp filter stopped a forbidden system call; the tender
 * names it and exits with 128 + SIGSYS (solo5-spt is killed by SIGSYS: the
 * same $? in a shell).
 */
#define KILN_EXIT_SECCOMP 159

#endif /* KILN_STATUS_H */
