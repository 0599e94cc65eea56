/*
 * solo5.h: the application interface of Kiln's Solo5-ABI platforms.
 *
 * Source compatible with Solo5's solo5.h (0.12): code written against Solo5
 * builds against Kiln unchanged. Every platform's boot shim (boot/<platform>/)
 * implements these functions; Kiln's runtime (runtime/) builds the C library
 * on top of them and defines solo5_app_main, which calls main().
 *
 * The interface is single threaded and non-blocking apart from solo5_yield.
 * Devices are named in the image's manifest (see boot/include/kiln/mft_abi.h)
 * and looked up by name with the *_acquire calls.
 */
#ifndef SOLO5_H_INCLUDED
#define SOLO5_H_INCLUDED

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Result of the calls that can fail. */
typedef enum {
    SOLO5_R_OK = 0,     /* done                                      */
    SOLO5_R_AGAIN = 1,  /* nothing to do now; retry later            */
    SOLO5_R_EINVAL = 2, /* an argument is invalid                    */
    SOLO5_R_EUNSPEC = 3 /* failed for another reason                 */
} solo5_result_t;

/* What the platform hands the application at start-up. */
struct solo5_start_info {
    const char *cmdline;  /* the arguments after the image on the tender's command line */
    uintptr_t heap_start; /* first byte of free memory, after the image   */
    size_t heap_size;     /* bytes from heap_start up to the stack's reserve */
};

/*
 * The application's entry point. Returning from it is solo5_exit(its value).
 * Kiln's runtime defines it (and calls main); an application that does not
 * link the runtime defines it itself.
 */
int solo5_app_main(const struct solo5_start_info *info);

#define SOLO5_EXIT_SUCCESS 0
#define SOLO5_EXIT_FAILURE 1
#define SOLO5_EXIT_ABORT 255

/* Stop the unikernel; status becomes the tender's exit status. */
void solo5_exit(int status) __attribute__((noreturn));

/* Stop abnormally (status SOLO5_EXIT_ABORT), after printing a message. */
void solo5_abort(void) __attribute__((noreturn));

/*
 * Thread-local storage, x86_64 variant II: the thread pointer points at the
 * end of the TLS block (tdata then tbss).
 *   solo5_tls_size()       bytes to allocate for one TLS block (+ tp slot)
 *   solo5_tls_tp_offset(t) the thread pointer for a block allocated at t
 *   solo5_tls_init(t)      copy .tdata and zero .tbss into the block at t
 *   solo5_set_tls_base(b)  make b the thread pointer (%fs base)
 */
size_t solo5_tls_size(void);
uintptr_t solo5_tls_tp_offset(uintptr_t tls);
solo5_result_t solo5_tls_init(uintptr_t tls);
solo5_result_t solo5_set_tls_base(uintptr_t base);

/* Nanoseconds. */
typedef uint64_t solo5_time_t;

/* Monotonic time since an arbitrary point (boot), in ns. */
solo5_time_t solo5_clock_monotonic(void);

/* Wall-clock time since the Unix epoch, in ns. */
solo5_time_t solo5_clock_wall(void);

/* A device handle, and a set of them as a bitmap indexed by handle. */
typedef uint64_t solo5_handle_t;
typedef uint64_t solo5_handle_set_t;

/*
 * Wait until the absolute monotonic time deadline, or until a network device
 * has input. *ready_set (if not NULL) gets the handles with input.
 */
void solo5_yield(solo5_time_t deadline, solo5_handle_set_t *ready_set);

/* Write size bytes to the console; never fails, never blocks for long. */
void solo5_console_write(const char *buf, size_t size);

#define SOLO5_NET_ALEN 6  /* bytes of a MAC address      */
#define SOLO5_NET_HLEN 14 /* bytes of an Ethernet header */

struct solo5_net_info {
    uint8_t mac_address[SOLO5_NET_ALEN];
    size_t mtu; /* largest payload; the Ethernet header is not counted */
};

/* Look up the network device called name in the manifest. */
solo5_result_t solo5_net_acquire(const char *name, solo5_handle_t *handle,
                                 struct solo5_net_info *info);

/* Send one frame of size bytes (at most mtu + SOLO5_NET_HLEN). */
solo5_result_t solo5_net_write(solo5_handle_t handle, const uint8_t *buf,
                               size_t size);

/* Receive one frame into buf; SOLO5_R_AGAIN if none is waiting. */
solo5_result_t solo5_net_read(solo5_handle_t handle, uint8_t *buf, size_t size,
                              size_t *read_size);

typedef uint64_t solo5_off_t;

struct solo5_block_info {
    solo5_off_t capacity;   /* bytes          */
    solo5_off_t block_size; /* bytes per I/O  */
};

/* Look up the block device called name in the manifest. */
solo5_result_t solo5_block_acquire(const char *name, solo5_handle_t *handle,
                                   struct solo5_block_info *info);

/* Write exactly one block at a block-aligned offset. */
solo5_result_t solo5_block_write(solo5_handle_t handle, solo5_off_t offset,
                                 const uint8_t *buf, size_t size);

/* Read exactly one block at a block-aligned offset. */
solo5_result_t solo5_block_read(solo5_handle_t handle, solo5_off_t offset,
                                uint8_t *buf, size_t size);

#endif /* SOLO5_H_INCLUDED */
