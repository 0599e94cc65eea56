/*
 * Exit statuses of Kiln's tenders (kiln-hvt, kiln-spt), beside the
 * application's own: whatever the application passes to solo5_exit (0..253,
 * by convention) is the tender's status unchanged.
 */
#ifndef KILN_STATUS_H
#define KILN_STATUS_H

/* The tender could not start the image: bad arguments, unreadable or invalid ELF. */
#define KILN_EXIT_TENDER_ERROR 1

/*
 * The guest faulted: a CPU exception caught by the guest's handlers (which
 * print the trap and registers first), or something the tender saw (KVM
 * internal error, an access outside guest memory, a triple fault; on spt a
 * SIGSEGV, SIGBUS, SIGILL or SIGFPE). The tender prints "guest fault: ...".
 */
#define KILN_EXIT_GUEST_FAULT 254

/* solo5_abort(), abort(), a failed assert or stack-protector check. */
#define KILN_EXIT_ABORT 255

/* spt only: the seccomp filter stopped a forbidden system call (128 + SIGSYS). */
#define KILN_EXIT_SECCOMP 159

#endif /* KILN_STATUS_H */
