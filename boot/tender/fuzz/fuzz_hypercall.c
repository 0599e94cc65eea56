/*
 * fuzz_hypercall.c: libFuzzer target for kiln-hvt's hypercall dispatch
 * (boot/hvt/tender/hypercall.c and the module_*.c handlers it calls),
 * run against a fake guest: a malloc'd guest memory (so ASan catches any
 * host access outside it), no /dev/kvm and no vCPU (vcpu_fd -1: the rip in
 * messages reads as 0), the real modules set up through their options: a
 * memfd block device, a socketpair standing in for the tap.
 *
 * Input: byte 0 picks the port (HVT_HYPERCALL_PIO_BASE - 1 up to a few
 * past the last hypercall), bytes 1-4 are the 32-bit value the guest
 * writes (the argument struct's guest address, little-endian), byte 5
 * says whether a frame waits on the net device (bit 0) and how long it
 * is (the other bits, in 16-byte units); the rest is guest memory from
 * guest physical 0 (zeros after it).
 *
 * The invariants, each an abort() that libFuzzer reports:
 *   - a hypercall either returns or ends the guest as a guest fault
 *     (status 254, "guest fault..."), or HALT exits; never a tender error;
 *   - the tender never writes the image's read-only segment;
 *   - no host memory outside the guest buffer is touched (ASan).
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "diag_standin.h"
#include "fuzz_guest.h"
#include "elf_image.h"
#include "hvt.h"

#define GUEST_MEM_SIZE 0x10000
#define RO_START 0x4000 /* the image's text: read-only to the tender */
#define RO_END 0x6000
#define GUARD_START 0x8000 /* the stack guard, for HALT's overflow check */
#define GUARD_END 0x9000
#define BLOCK_SIZE 512
#define BLOCKS 4
#define HEADER 6

static const struct tender_module *const modules[] = {
    &hvt_module_core, &hvt_module_console, &hvt_module_clock,
    &hvt_module_block, &hvt_module_net, NULL};

static const struct elf_image image = {
    .nsegments = 1,
    .segments = {{.vaddr = RO_START, .memsz = RO_END - RO_START,
                  .start = RO_START, .end = RO_END, .prot = PROT_READ | PROT_EXEC}},
};

static struct tender_guest guest;
static int net_peer;       /* the other end of net0's socketpair */
static int halted = -1;    /* HALT's exit status, -1 if none */
static uint8_t ro_before[RO_END - RO_START];

/* module_core.c's tender_exit_now (HALT), renamed by the Makefile: return to the target. */
__attribute__((noreturn)) void fuzz_hvt_exit(int status)
{
    halted = status;
    longjmp(fuzz_refused, 1);
}

/* run.c's hooks into the gdb stub (module_gdb.c): no debugger here. */
void hvt_gdb_start(struct tender_guest *g)
{
    (void)g;
}

void hvt_gdb_poll(struct tender_guest *g)
{
    (void)g;
}

void hvt_gdb_debug_exit(struct tender_guest *g)
{
    hvt_guest_fault(g, "a debug exception with no debugger attached");
}

bool hvt_gdb_breakpoint_hit(struct tender_guest *g)
{
    (void)g;
    return false;
}

/*
 * module_clock.c's timerfd_settime (POLL), renamed by the Makefile: the
 * guest's timeout must have become a valid itimerspec (the real call would
 * fail on any other, a tender error), then the timer fires at once so an
 * input never waits.
 */
int fuzz_hvt_timerfd_settime(int fd, int flags, const struct itimerspec *value,
                             struct itimerspec *old)
{
    if (value->it_value.tv_sec < 0 || value->it_value.tv_nsec < 0 ||
        value->it_value.tv_nsec >= 1000000000L) {
        fprintf(stderr, "POLL: the guest's timeout became an invalid timer "
                "(%lld s, %ld ns)\n", (long long)value->it_value.tv_sec,
                value->it_value.tv_nsec);
        abort();
    }
    struct itimerspec now = {.it_value = {.tv_nsec = 1}};
    return timerfd_settime(fd, flags, &now, old);
}

static struct mft *make_mft(void)
{
    struct mft *m = calloc(1, sizeof *m + 3 * sizeof(struct mft_entry));
    if (m == NULL)
        abort();
    m->version = MFT_VERSION;
    m->entries = 3;
    m->e[0].type = MFT_RESERVED_FIRST;
    strcpy(m->e[1].name, "disk0");
    m->e[1].type = MFT_DEV_BLOCK_BASIC;
    strcpy(m->e[2].name, "net0");
    m->e[2].type = MFT_DEV_NET_BASIC;
    return m;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct mft *mft = make_mft();
    int disk = memfd_create("disk0", MFD_CLOEXEC), sv[2];
    if (disk < 0 || ftruncate(disk, BLOCK_SIZE * BLOCKS) != 0 ||
        socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
        abort();
    net_peer = sv[1];
    char block_opt[64], net_opt[64];
    snprintf(block_opt, sizeof block_opt, "--block:disk0=/proc/self/fd/%d", disk);
    snprintf(net_opt, sizeof net_opt, "--net:net0=@%d", sv[0]);

    guest.mem_size = GUEST_MEM_SIZE;
    guest.mem = malloc(GUEST_MEM_SIZE);
    guest.image = &image;
    guest.kvm_fd = guest.vm_fd = guest.vcpu_fd = -1;
    guest.guard_start = GUARD_START;
    guest.guard_end = GUARD_END;
    if (guest.mem == NULL)
        abort();
    if (setjmp(fuzz_refused) != 0) {
        fprintf(stderr, "fuzz_hypercall: setting up the fake guest failed: %s\n",
                fuzz_exit_message);
        abort();
    }
    if (!tender_modules_option(modules, block_opt, mft) ||
        !tender_modules_option(modules, net_opt, mft))
        abort();
    tender_modules_setup(modules, &guest, mft);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEADER)
        return 0;
    uint16_t port = (uint16_t)(HVT_HYPERCALL_PIO_BASE - 1 +
                               data[0] % (HVT_HYPERCALL_MAX + 3));
    uint32_t value = (uint32_t)data[1] | (uint32_t)data[2] << 8 |
                     (uint32_t)data[3] << 16 | (uint32_t)data[4] << 24;
    bool queue_frame = data[5] & 1;
    size_t frame = (size_t)(data[5] >> 1) * 16;
    data += HEADER;
    size -= HEADER;

    fuzz_guest_load(guest.mem, GUEST_MEM_SIZE, data, size, ro_before, RO_START,
                    sizeof ro_before, net_peer, queue_frame, frame);

    halted = -1;
    if (setjmp(fuzz_refused) == 0) {
        hvt_dispatch(&guest, port, value);
    } else if (halted < 0 && (fuzz_exit_status != KILN_EXIT_GUEST_FAULT ||
                              strncmp(fuzz_exit_message, "guest fault", 11) != 0)) {
        fprintf(stderr, "port 0x%x, value 0x%x: a hypercall ended the tender with "
                "status %d, not as a guest fault: %s\n", port, value,
                fuzz_exit_status, fuzz_exit_message);
        abort();
    }
    if (memcmp(ro_before, guest.mem + RO_START, sizeof ro_before) != 0) {
        fprintf(stderr, "port 0x%x, value 0x%x: the tender wrote the image's "
                "read-only segment\n", port, value);
        abort();
    }
    return 0;
}
