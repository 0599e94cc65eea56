/*
 * syscall_names.c: names for the system calls a guest is likely to try,
 * for the "forbidden system call" message. Table, not libseccomp's
 * resolver: that one allocates, and this runs in a signal handler under
 * the filter.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <stddef.h>
#include <sys/syscall.h>

#include "sandbox.h"

#define S(name) {SYS_##name, #name}

static const struct {
    long nr;
    const char *name;
} names[] = {
    S(read), S(write), S(open), S(close), S(stat), S(fstat), S(lstat),
    S(poll), S(lseek), S(mmap), S(mprotect), S(munmap), S(brk),
    S(rt_sigaction), S(rt_sigprocmask), S(rt_sigreturn), S(ioctl),
    S(pread64), S(pwrite64), S(readv), S(writev), S(access), S(pipe),
    S(select), S(sched_yield), S(mremap), S(madvise), S(dup), S(dup2),
    S(nanosleep), S(getpid), S(socket), S(connect), S(accept), S(sendto),
    S(recvfrom), S(bind), S(listen), S(clone), S(fork), S(vfork), S(execve),
    S(exit), S(wait4), S(kill), S(uname), S(fcntl), S(fsync), S(truncate),
    S(ftruncate), S(getcwd), S(chdir), S(rename), S(mkdir), S(rmdir),
    S(unlink), S(readlink), S(chmod), S(chown), S(umask), S(gettimeofday),
    S(getuid), S(getgid), S(setuid), S(setgid), S(geteuid), S(getppid),
    S(prctl), S(arch_prctl), S(setrlimit), S(mount), S(reboot), S(gettid),
    S(time), S(futex), S(getdents64), S(set_tid_address), S(clock_gettime),
    S(clock_nanosleep), S(exit_group), S(epoll_wait), S(epoll_ctl), S(tgkill),
    S(openat), S(newfstatat), S(unlinkat), S(ppoll), S(epoll_pwait),
    S(timerfd_create), S(timerfd_settime), S(eventfd2), S(epoll_create1),
    S(pipe2), S(prlimit64), S(getrandom), S(memfd_create), S(seccomp),
    S(statx), S(rseq), S(clone3),
};

const char *sandbox_syscall_name(long nr)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].nr == nr)
            return names[i].name;
    return "unknown";
}
