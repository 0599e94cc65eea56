/*
 * sandbox.h: seccomp helpers shared by the tenders (libseccomp).
 */
#ifndef KILN_TENDER_SANDBOX_H
#define KILN_TENDER_SANDBOX_H

#include <seccomp.h>

/* libseccomp reports errors as negative errno values; this exits naming the rule. */
void sandbox_check(int rc, const char *rule);

/*
 * Install the filter in ctx and release ctx. The filter is exported to a
 * memfd and loaded with seccomp(2) directly: seccomp_load() would free
 * memory after the filter is live, and free may need system calls the
 * filter forbids. Sets PR_SET_NO_NEW_PRIVS first. Every thread of the
 * process gets the filter (TSYNC).
 */
void sandbox_load(scmp_filter_ctx ctx);

/*
 * Report a trapped system call (SCMP_ACT_TRAP) as
 * "<tender>: <what>: <nr> (<name>)" and exit with status. The handler needs
 * write(2) on fd 2 and exit_group to be allowed. Install before sandbox_load.
 */
void sandbox_report_sigsys(const char *what, int status);

/* The name of x86_64 system call nr, or "unknown". */
const char *sandbox_syscall_name(long nr);

/* Run signal handlers on a stack of their own (the guest's may be gone). */
void sandbox_alt_stack(void);

/*
 * An spt guest sets its own thread pointer (FS base) for its TLS, and the
 * tender's libc finds its own state (errno, locale, stack canary) through
 * it; it may also set EFLAGS.AC, which makes unaligned accesses fault.
 * sandbox_save_tls() remembers the tender's FS base before the guest runs;
 * sandbox_enter_handler(), first thing in a signal handler, clears AC and
 * puts the FS base back (arch_prctl(ARCH_SET_FS) is allowed by the filter)
 * so the handler can use libc again.
 */
void sandbox_save_tls(void);
void sandbox_enter_handler(void);

#endif /* KILN_TENDER_SANDBOX_H */
