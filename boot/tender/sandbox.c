/*
 * sandbox.c: load a seccomp filter safely, report what it stops.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <limits.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <asm/prctl.h>

#include "sandbox.h"
#include "tender.h"

void sandbox_check(int rc, const char *rule)
{
    if (rc != 0)
        tender_fail("seccomp: cannot add the rule for %s: %s", rule, strerror(-rc));
}

void sandbox_load(scmp_filter_ctx ctx)
{
    int fd = memfd_create("kiln-seccomp", MFD_CLOEXEC);
    if (fd < 0)
        tender_fail("seccomp: memfd_create: %s", strerror(errno));
    int rc = seccomp_export_bpf(ctx, fd);
    if (rc != 0)
        tender_fail("seccomp: cannot export the filter: %s", strerror(-rc));
    seccomp_release(ctx);

    struct stat st;
    if (fstat(fd, &st) != 0)
        tender_fail("seccomp: fstat: %s", strerror(errno));
    size_t len = (size_t)st.st_size;
    if (len == 0 || len % sizeof(struct sock_filter) != 0 ||
        len / sizeof(struct sock_filter) > USHRT_MAX)
        tender_fail("seccomp: the exported filter has an odd size (%zu bytes)", len);
    void *prog_mem = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (prog_mem == MAP_FAILED)
        tender_fail("seccomp: cannot map the exported filter: %s", strerror(errno));
    close(fd);

    struct sock_fprog prog = {
        .len = (unsigned short)(len / sizeof(struct sock_filter)),
        .filter = prog_mem};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        tender_fail("seccomp: prctl(PR_SET_NO_NEW_PRIVS): %s", strerror(errno));
    /* TSYNC: every thread gets the filter (kiln-hvt's network ring has one
     * started before this), or none does. */
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                SECCOMP_FILTER_FLAG_TSYNC, &prog) != 0)
        tender_fail("seccomp: cannot install the filter: %s", strerror(errno));
}

static unsigned long tender_fs_base;

void sandbox_save_tls(void)
{
    if (syscall(SYS_arch_prctl, ARCH_GET_FS, &tender_fs_base) != 0)
        tender_fail("arch_prctl(ARCH_GET_FS): %s", strerror(errno));
}

/* No libc and no stack protector here: both need the FS base being restored. */
__attribute__((no_stack_protector)) void sandbox_enter_handler(void)
{
    long ret;

    /*
     * The kernel enters a handler with the interrupted code's EFLAGS.AC;
     * a guest that set it would make the tender's own unaligned accesses
     * (in snprintf, say) raise SIGBUS while the handler runs. (The push
     * steps over the 128-byte red zone the compiler may be using.)
     */
    __asm__ __volatile__("lea -128(%%rsp), %%rsp\n\t"
                         "pushfq\n\t"
                         "andl $~0x40000, (%%rsp)\n\t"
                         "popfq\n\t"
                         "lea 128(%%rsp), %%rsp"
                         :
                         :
                         : "cc", "memory");
    if (tender_fs_base == 0)
        return;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(SYS_arch_prctl), "D"(ARCH_SET_FS),
                           "S"(tender_fs_base)
                         : "rcx", "r11", "memory");
    (void)ret;
}

static const char *sigsys_what = "forbidden system call";
static int sigsys_status = KILN_EXIT_SECCOMP;

__attribute__((no_stack_protector))
static void on_sigsys(int sig, siginfo_t *info, void *context)
{
    sandbox_enter_handler();
    (void)sig;
    (void)context;
    tender_exit(sigsys_status, "%s: %d (%s)", sigsys_what, info->si_syscall,
                sandbox_syscall_name(info->si_syscall));
}

void sandbox_report_sigsys(const char *what, int status)
{
    struct sigaction sa;

    sigsys_what = what;
    sigsys_status = status;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    if (sigaction(SIGSYS, &sa, NULL) != 0)
        tender_fail("cannot install the SIGSYS handler: %s", strerror(errno));
}

void sandbox_alt_stack(void)
{
    static bool done;
    size_t size = 64 * 1024;

    if (done)
        return;
    void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        tender_fail("cannot allocate the signal stack: %s", strerror(errno));
    stack_t ss = {.ss_sp = mem, .ss_size = size, .ss_flags = 0};
    if (sigaltstack(&ss, NULL) != 0)
        tender_fail("sigaltstack: %s", strerror(errno));
    done = true;
}
