/*
 * spt.h: kiln-spt, the seccomp tender. The unikernel runs in the tender's
 * own process: guest address = host address, from SPT_HOST_MEM_BASE up to
 * mem_size; its "hypercalls" are Linux system calls, and a seccomp filter
 * built by the modules allows only those its devices need.
 */
#ifndef KILN_SPT_H
#define KILN_SPT_H

#include <seccomp.h>
#include <stddef.h>
#include <stdint.h>

#include "elf_image.h"
#include "kiln/spt_abi.h"
#include "tender.h"

struct tender_guest {
    uint8_t *mem;            /* host address of guest address 0 (= NULL)    */
    size_t mem_size;         /* guest addresses [SPT_HOST_MEM_BASE, mem_size) */
    int epollfd;             /* the guest's wait set                        */
    int timerfd;             /* its deadline, in the wait set               */
    scmp_filter_ctx filter;  /* seccomp rules, added to by the modules      */
    uint64_t guard_start;    /* stack guard [guard_start, guard_end),       */
    uint64_t guard_end;      /* PROT_NONE; equal if there is none           */
    const struct elf_image *image; /* its segments (faults.c's backtrace)   */
};

/* memory.c: map guest memory at SPT_HOST_MEM_BASE; exits on failure. */
void spt_map_memory(struct tender_guest *g, size_t mem_size);

/* memory.c: give each loaded segment exactly its ELF permissions. */
void spt_protect_image(struct tender_guest *g, const char *path,
                       const struct elf_image *image);

/*
 * memory.c: make the stack guard (g->guard_start..guard_end, if any)
 * inaccessible; exits on failure.
 */
void spt_protect_guard(struct tender_guest *g, const char *path);

/* boot_info.c: write the boot info, manifest copy and command line. */
void spt_write_boot_info(struct tender_guest *g, uint64_t kernel_end,
                         const struct mft *mft, size_t mft_size,
                         char *const *app_argv);

/*
 * faults.c: report SIGSEGV, SIGBUS, SIGILL and SIGFPE from the guest (a
 * SIGSEGV in g's stack guard as a stack overflow), then die by that
 * signal, as solo5-spt does; report SIGSYS (a forbidden system call) and
 * exit 159.
 */
void spt_catch_faults(const struct tender_guest *g);

/*
 * launch.c: called with the image loaded, just before the guest is entered
 * at entry; does nothing. scripts/kiln-gdb stops here to set breakpoints in
 * the image.
 */
void spt_guest_ready(uint64_t entry);

/* launch.c: install the filter and jump to entry; never returns. */
__attribute__((noreturn)) void spt_launch(struct tender_guest *g, uint64_t entry);

/* The modules (module_*.c). */
extern const struct tender_module spt_module_core;
extern const struct tender_module spt_module_console;
extern const struct tender_module spt_module_clock;
extern const struct tender_module spt_module_block;
extern const struct tender_module spt_module_net;

#endif /* KILN_SPT_H */
