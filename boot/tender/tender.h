/*
 * tender.h: the host code shared by Kiln's tenders (kiln-hvt, kiln-spt).
 *
 * A tender is a small core plus modules. The core (boot/tender/ and each
 * tender's main.c) reads the command line and the image; each module adds
 * its command-line options and, once guest memory exists, its hypercall
 * handlers or seccomp rules, through one table of hooks (struct
 * tender_module). Each tender lists its modules in its own table.
 *
 * Every error the user can cause ends in one line on stderr,
 * "<tender>: <what failed>: <why>", and exit status 1
 * (KILN_EXIT_TENDER_ERROR). Nothing in the image or on the command line is
 * trusted.
 */
#ifndef KILN_TENDER_H
#define KILN_TENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kiln/elf_abi.h"
#include "kiln/kiln_abi.h"
#include "kiln/mft_abi.h"
#include "kiln/status.h"

#define MiB (1024UL * 1024UL)

/* ---- diagnostics (diag.c) ---- */

/* The tender's name in messages ("kiln-hvt"); set once by main. */
extern const char *tender_name;

/* Print "<tender>: <message>" and exit with status. Async-signal-safe enough:
 * formats into a stack buffer and write(2)s it, no stdio, no malloc. */
__attribute__((noreturn, format(printf, 2, 3)))
void tender_exit(int status, const char *fmt, ...);

/*
 * Exit with status, without a message: the guest's own exit. Every exit of
 * the tender goes through here (tender_exit and tender_fail too), so that
 * tender_exit_hook, when set, runs first, once: kiln-hvt's gdb stub tells
 * its debugger that the guest has gone.
 */
__attribute__((noreturn)) void tender_exit_now(int status);
extern void (*tender_exit_hook)(int status);

/* tender_exit(KILN_EXIT_TENDER_ERROR, ...) */
__attribute__((noreturn, format(printf, 1, 2)))
void tender_fail(const char *fmt, ...);

/* Print "<tender>: <message>" and go on. */
__attribute__((format(printf, 1, 2)))
void tender_warn(const char *fmt, ...);

/* Write all of buf to fd, retrying on EINTR and short writes; -1 on error. */
int tender_write_all(int fd, const void *buf, size_t len);

/* ---- modules (module.c) ---- */

/* Each tender defines this: its guest memory and host resources. */
struct tender_guest;

struct tender_module {
    const char *name;
    /* Option help, one or more lines (each without the leading indent), or NULL. */
    const char *usage;
    /*
     * Offered every option before the image. Returns true if the option is
     * this module's (and then has handled it, exiting on a malformed one),
     * false to let the next module try. mft is the image's manifest.
     */
    bool (*option)(const char *arg, struct mft *mft);
    /*
     * Called once guest memory exists and the image is loaded, in table
     * order: check what the options gave, register hypercalls, add seccomp
     * rules. Exits with a message on failure.
     */
    void (*setup)(struct tender_guest *guest, struct mft *mft);
};

/* Offer arg to each module in turn; true if one took it. */
bool tender_modules_option(const struct tender_module *const *modules,
                           const char *arg, struct mft *mft);

/* Run every module's setup, then insist that every declared device is attached. */
void tender_modules_setup(const struct tender_module *const *modules,
                          struct tender_guest *guest, struct mft *mft);

/* ---- the command line (args.c) ---- */

/* What a tender is, as far as the shared command-line code cares. */
struct tender_platform {
    const char *name;          /* "kiln-hvt"                                  */
    const char *target_name;   /* "hvt": in messages                          */
    uint32_t abi_target;       /* HVT_ABI_TARGET ...                          */
    uint32_t abi_version;      /* HVT_ABI_VERSION ...                         */
    uint64_t min_base;         /* lowest address an image may load at         */
    size_t mem_default_mib;    /* --mem when not given                        */
    size_t mem_min_mib;        /* smallest --mem accepted                     */
    size_t mem_max_mib;        /* largest --mem accepted                      */
    size_t mem_granule;        /* --mem is rounded down to this (bytes)       */
    const char *exit_statuses; /* for --help: the tender's own statuses
                                  (kiln/status.h), one indented line each */
    const struct tender_module *const *modules; /* NULL-terminated            */
};

struct elf_image;

/* What the command line and the image asked for. */
struct tender_config {
    const char *image_path;
    int image_fd;              /* open read-only; the loader reads from it    */
    struct elf_image *image;   /* validated program headers                   */
    struct mft *mft;           /* the manifest, devices attached by options   */
    size_t mft_size;           /* bytes of *mft                               */
    size_t mem_size;           /* bytes of guest memory                       */
    char **app_argv;           /* the arguments after the image, NULL-ended   */
    bool has_stack_note;       /* the image has Kiln's stack note (STK1)      */
    struct kiln_stk1_info stack_note; /* its contents, checked                */
    struct kiln_stack_layout stack;   /* where that puts the stack and guard
                                         in mem_size (when has_stack_note)    */
};

/*
 * The guard the tender must make inaccessible, [*start, *end), from a
 * parsed config. Returns false (and sets nothing) if there is none: no
 * stack note (a Solo5 image), or a guard size of 0.
 */
static inline bool tender_stack_guard(const struct tender_config *c,
                                      uint64_t *start, uint64_t *end)
{
    if (!c->has_stack_note || c->stack.guard_start == c->stack.stack_bottom)
        return false;
    *start = c->stack.guard_start;
    *end = c->stack.stack_bottom;
    return true;
}

/*
 * Parse argv: options, the image, its arguments. Reads and checks the image's
 * program headers, ABI note, manifest and Kiln stack note, hands module
 * options to the modules and checks that the image (and its stack and guard,
 * with a stack note) fits in guest memory. Handles --help and
 * --version itself. Exits with a message on any error.
 */
void tender_parse_args(const struct tender_platform *platform, int argc,
                       char **argv, struct tender_config *config);

/*
 * Write the application's arguments, joined by single spaces, into buf
 * (size bytes, NUL included). Exits with a message if they do not fit.
 */
void tender_join_cmdline(char *buf, size_t size, char *const *argv);

#endif /* KILN_TENDER_H */
