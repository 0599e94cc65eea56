/*
 * Kiln spt ABI: between a guest built for spt (boot/spt/) and the seccomp
 * tender that runs it in its own process (kiln-spt, boot/spt/tender/).
 * Binary compatible with Solo5's spt ABI version 2.
 *
 * The tender maps guest memory at host address SPT_HOST_MEM_BASE (guest
 * address = host address), loads the image, writes the boot info at
 * SPT_BOOT_INFO_BASE, installs its seccomp filter and jumps to the entry with
 * rsp = mem_size - 8 and rdi = &boot_info. It never returns: the guest's
 * "hypercalls" are raw Linux system calls, and the filter allows only those
 * the attached devices need (write to fd 1, exit_group, epoll_pwait and
 * timerfd_settime on the fds below, clock_gettime, arch_prctl(ARCH_SET_FS),
 * pread64/pwrite64 per block device, read/write per net device).
 */
#ifndef KILN_SPT_ABI_H
#define KILN_SPT_ABI_H

#include <stdint.h>
#include "elf_abi.h"

#define SPT_ABI_VERSION 2

/* Guest memory starts here in the tender's address space. */
#define SPT_HOST_MEM_BASE 0x10000

/* Lowest address an image may load at (and its entry point), as on hvt. */
#define SPT_GUEST_MIN_BASE 0x100000

/* Boot info: the first page of guest memory after SPT_HOST_MEM_BASE. */
#define SPT_BOOT_INFO_BASE (SPT_HOST_MEM_BASE + 0x1000)

/* Size of the command line buffer, NUL included. */
#define SPT_CMDLINE_SIZE 8192

/*
 * The epoll data value of the tender's internal timerfd (net devices use
 * their handle), so solo5_yield can tell a deadline from device input.
 */
#define SPT_INTERNAL_TIMERFD (~1U)

/*
 * Boot info, 40 bytes, written by the tender at SPT_BOOT_INFO_BASE.
 *   @0  mem_size    bytes of guest memory, from address 0 (the stack top)
 *   @8  kernel_end  first byte after the image
 *   @16 cmdline     NUL-terminated command line
 *   @24 mft         the tender's manifest copy, devices attached
 *   @32 epollfd     epoll set holding the net devices and the timerfd
 *   @36 timerfd     timerfd armed by solo5_yield for its deadline
 */
struct spt_boot_info {
    uint64_t mem_size;
    uint64_t kernel_end;
    const char *cmdline;
    const void *mft;
    int epollfd;
    int timerfd;
};
_Static_assert(sizeof(struct spt_boot_info) == 40, "spt_boot_info is 40 bytes");

#endif /* KILN_SPT_ABI_H */
