/*
 * Kiln boot shim, spt: raw Linux x86_64 system calls (no libc in the guest).
 *
 * The tender's seccomp filter allows only the calls spt_abi.h lists, with
 * their arguments checked; anything else kills the guest.
 */
#ifndef KILN_SPT_SYSCALL_H
#define KILN_SPT_SYSCALL_H

#include <stddef.h>
#include <stdint.h>

/* System call numbers (arch/x86/entry/syscalls/syscall_64.tbl). */
#define SYS_read 0
#define SYS_write 1
#define SYS_pread64 17
#define SYS_pwrite64 18
#define SYS_arch_prctl 158
#define SYS_clock_gettime 228
#define SYS_exit_group 231
#define SYS_epoll_pwait 281
#define SYS_timerfd_settime 286

#define SPT_STDOUT 1
#define SPT_ARCH_SET_FS 0x1002
#define SPT_CLOCK_REALTIME 0
#define SPT_CLOCK_MONOTONIC 1
#define SPT_TFD_TIMER_ABSTIME 1
#define SPT_EINTR 4
#define SPT_EAGAIN 11

struct spt_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

struct spt_itimerspec {
    struct spt_timespec it_interval;
    struct spt_timespec it_value;
};

/* struct epoll_event is packed on x86_64: 12 bytes. */
struct spt_epoll_event {
    uint32_t events;
    uint64_t data;
} __attribute__((packed));

/* The kernel clobbers rcx and r11; the result (or -errno) is in rax. */
static inline long spt_syscall3(long nr, long a1, long a2, long a3)
{
    long ret;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
                         : "rcx", "r11", "memory");
    return ret;
}

static inline long spt_syscall4(long nr, long a1, long a2, long a3, long a4)
{
    long ret;
    register long r10 __asm__("r10") = a4;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
                         : "rcx", "r11", "memory");
    return ret;
}

static inline long spt_syscall6(long nr, long a1, long a2, long a3, long a4,
                                long a5, long a6)
{
    long ret;
    register long r10 __asm__("r10") = a4;
    register long r8 __asm__("r8") = a5;
    register long r9 __asm__("r9") = a6;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10),
                           "r"(r8), "r"(r9)
                         : "rcx", "r11", "memory");
    return ret;
}

#endif /* KILN_SPT_SYSCALL_H */
