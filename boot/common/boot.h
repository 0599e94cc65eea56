/*
 * Kiln boot shim: what the platform-independent part of the guest shim
 * (boot/common) and each platform (boot/hvt, boot/spt) provide each other.
 *
 * Guest-internal: applications see only <solo5.h>. Everything here is
 * prefixed kiln_ / platform_ so it cannot clash with an application's names.
 */
#ifndef KILN_BOOT_H
#define KILN_BOOT_H

#include <stddef.h>
#include <stdint.h>
#include "solo5.h"
#include "kiln/kiln_abi.h"
#include "kiln/mft_abi.h"
#include "kiln/status.h"
#include "arch.h" /* boot/<arch>/: kiln_memcpy_qwords, the TLS control block */

#define KILN_PAGE_SIZE 4096UL
#define KILN_ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~((uintptr_t)(a) - 1))
#define KILN_ALIGN_DOWN(x, a) ((x) & ~((uintptr_t)(a) - 1))

/* ---- Implemented by each platform ---------------------------------- */

/* Write len bytes to the console, in one host call. */
void platform_puts(const char *buf, size_t len);

/* Stop the guest with status; cookie (or NULL) is handed to the tender. */
void platform_halt(int status, void *cookie) __attribute__((noreturn));

/* Make base the thread pointer (%fs base). 0 on success, -1 on failure. */
int platform_set_tls_base(uintptr_t base);

/* ---- Common start-up (boot_main.c) --------------------------------- */

/* What a platform's _start hands to the common start-up. */
struct kiln_boot_args {
    const char *cmdline;     /* tender's command line, NUL-terminated     */
    uint64_t mem_start;      /* where guest RAM starts (0 but on aarch64) */
    uint64_t mem_size;       /* where it ends: bytes from address 0       */
    uint64_t kernel_end;     /* end of the loaded image (tender's view)   */
    const struct mft *mft;   /* the tender's manifest copy                */
    const char *platform;    /* "hvt" or "spt", for the debug banner      */
};

/*
 * Parse the command line, set up the heap and the boot thread's TLS, call
 * solo5_app_main and exit with its value. Call only after the stack
 * protector canary is set (kiln_ssp_init) and the platform is ready to print.
 */
void kiln_boot_main(const struct kiln_boot_args *args) __attribute__((noreturn));

/*
 * Where the stack and its guard are (boot_main.c, from the image's stack
 * note); all zero until the start-up has set the heap up.
 */
extern struct kiln_stack_layout kiln_stack;

/* Is addr in the stack guard, or is sp at most a page above it? */
static inline int kiln_is_stack_overflow(uint64_t addr, uint64_t sp)
{
    return (addr >= kiln_stack.guard_start && addr < kiln_stack.stack_bottom) ||
           (sp >= kiln_stack.guard_start &&
            sp < kiln_stack.stack_bottom + KILN_PAGE_SIZE &&
            kiln_stack.stack_bottom != 0);
}

/* ---- Logging (log.c) ----------------------------------------------- */

/* Verbosity, from the --solo5:<level> command-line tokens. */
enum kiln_log_level {
    KILN_LOG_QUIET = 0, /* --solo5:quiet, --solo5:error: errors only      */
    KILN_LOG_WARN = 1,  /* default, --solo5:warn: errors and warnings     */
    KILN_LOG_INFO = 2,  /* --solo5:info: a one-line banner, exit status   */
    KILN_LOG_DEBUG = 3  /* --solo5:debug: memory map                      */
};
extern int kiln_log_level;

/*
 * A line being formatted on the stack, written with one platform_puts (each
 * host call is expensive on hvt, so a message is one call, not one per part).
 */
struct kiln_line {
    char buf[256];
    size_t len;
};
void kiln_line_str(struct kiln_line *l, const char *s);
void kiln_line_hex(struct kiln_line *l, uint64_t v);    /* 0x1f          */
void kiln_line_hex16(struct kiln_line *l, uint64_t v);  /* 0x000000000000001f */
void kiln_line_dec(struct kiln_line *l, uint64_t v);
void kiln_line_flush(struct kiln_line *l);

/*
 * For a CPU exception that kiln_is_stack_overflow() says is one: the line
 * naming the guard page fault_addr is in, the guard and the stack.
 */
void kiln_print_stack_overflow(uint64_t fault_addr);

/* Write a NUL-terminated string to the console. */
void kiln_puts(const char *s);

/* Print "kiln: <msg>\n" and stop with KILN_EXIT_ABORT. */
void kiln_fatal(const char *msg) __attribute__((noreturn));

/* ---- Backtraces (backtrace.c) -------------------------------------- */

/*
 * Print "kiln: backtrace ...": pc as frame #0 (none if 0), then the return
 * addresses (less one) of the frame-pointer chain from fp, as far as it
 * stays in the stack; the host resolves them (scripts/kiln-symbolize).
 */
void kiln_backtrace(uint64_t pc, uint64_t fp);

/*
 * The backtrace of the function this is written in, from its caller: #0 is
 * the call to it (found without a frame pointer), the walk starts at the
 * caller's frame (the saved rbp at this function's frame).
 */
#define KILN_BACKTRACE_FROM_CALLER()                                           \
    kiln_backtrace((uint64_t)(uintptr_t)__builtin_return_address(0) - 1,       \
                   *(const uint64_t *)__builtin_frame_address(0))

/* ---- Command line (cmdline.c) -------------------------------------- */

/*
 * Skip leading --solo5:quiet|error|warn|info|debug tokens (and blanks),
 * setting kiln_log_level; returns the rest, the application's arguments.
 */
const char *kiln_cmdline_parse(const char *cmdline);

/* ---- Wall clock (wall_clock.c) ------------------------------------- */

/*
 * solo5_clock_wall for a platform that asks the host once: the first call
 * takes read_host_wall_ns() (nanoseconds since the epoch), later ones add
 * the monotonic time elapsed since.
 */
solo5_time_t kiln_wall_clock_from(uint64_t (*read_host_wall_ns)(void));

/* ---- Stack protector (ssp.c) --------------------------------------- */

extern uintptr_t __stack_chk_guard;

/* A fresh canary from the CPU's entropy (RDRAND if present, else TSC). */
uintptr_t kiln_ssp_canary(void);

/* ---- TLS (<arch>/tls.c; the block's layout is the architecture's) ---- */

/* Alignment of a TLS block (the linker script pads the TLS image to it). */
#define KILN_TLS_ALIGN 64

/* ---- Manifest (mft.c) ---------------------------------------------- */

/* Set by the start-up: the tender's manifest copy. */
extern const struct mft *kiln_mft;

/* The entry called name with type, or NULL; *index gets its handle. */
const struct mft_entry *kiln_mft_by_name(const char *name, mft_type_t type,
                                         solo5_handle_t *index);

/* The attached entry at handle with type, or NULL. */
const struct mft_entry *kiln_mft_by_handle(solo5_handle_t handle,
                                           mft_type_t type);

/* Linker-script symbols (hvt.lds, spt.lds); use their addresses. */
extern char __kiln_image_start[]; /* where the image is linked            */
extern char __kiln_image_end[]; /* end of the image, bss included          */
extern char __kiln_tls_image[]; /* TLS image: .tdata, then .tbss as zeros  */
extern char __kiln_tls_size[];  /* its size, a KILN_TLS_ALIGN multiple (absolute) */
extern char __kiln_tdata_size[]; /* bytes of it from .tdata (absolute)     */

/*
 * Initialise the TLS block (solo5_tls_size() bytes) at tls, known to be
 * zeroed memory (fresh guest memory from the tender), and return its
 * thread pointer (<arch>/tls.c).
 */
uintptr_t kiln_tls_init_zeroed(uintptr_t tls);

#endif /* KILN_BOOT_H */
