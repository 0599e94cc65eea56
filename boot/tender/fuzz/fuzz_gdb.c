/*
 * fuzz_gdb.c: kiln-hvt's gdb stub (hvt/module_gdb.c, hvt/gdb_remote.c)
 * fed what a debugger could send. The input is the byte stream from gdb:
 * it is written into one end of a socket pair, whose other end the stub
 * serves as its connection; when the stream ends, the stub finds gdb gone
 * (tender_fail, which the diag stand-in turns into a return here). The
 * guest is stopped and resumed in turn (each resume ends in a single-step
 * stop or, when rip is just past one of the breakpoints the stream set, a
 * breakpoint stop), so every packet is served, in any state.
 *
 * No KVM: module_gdb.o's ioctl is renamed to fuzz_gdb_ioctl (the
 * Makefile), which keeps a vCPU's registers in memory. Guest memory is a
 * buffer of its own; every access the stub makes to it is checked by ASan.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "diag_standin.h"
#include "hvt.h"

#define GUEST_MEM (1024 * 1024)

static uint8_t mem[GUEST_MEM];
static struct kvm_run run;
static struct kvm_regs regs;
static struct kvm_sregs sregs;
static struct tender_guest guest = {
    .mem = mem, .mem_size = GUEST_MEM, .kvm_fd = -1, .vm_fd = -1, .vcpu_fd = -1,
    .run = &run};

/* module_gdb.c's ioctl: the vCPU's registers, kept here. */
int fuzz_gdb_ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    void *arg;

    (void)fd;
    va_start(ap, request);
    arg = va_arg(ap, void *);
    va_end(ap);
    switch (request) {
    case KVM_GET_REGS:
        memcpy(arg, &regs, sizeof regs);
        return 0;
    case KVM_SET_REGS:
        memcpy(&regs, arg, sizeof regs);
        return 0;
    case KVM_GET_SREGS:
        memcpy(arg, &sregs, sizeof sregs);
        return 0;
    case KVM_SET_GUEST_DEBUG:
        return 0;
    default:
        errno = EINVAL;
        return -1;
    }
}

/* What module_gdb.c takes from the rest of kiln-hvt. */
void hvt_waitset_add_wakeup(int fd)
{
    (void)fd;
}

void hvt_guest_fault(struct tender_guest *g, const char *fmt, ...)
{
    (void)g;
    (void)fmt;
    tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fds[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return 0;
    /* libFuzzer's inputs are small: the whole stream fits the socket's buffer. */
    if (size > 0 && write(fds[1], data, size) != (ssize_t)size) {
        close(fds[0]);
        close(fds[1]);
        return 0;
    }
    shutdown(fds[1], SHUT_WR);
    /* Replies that fill the buffer end the session rather than block it. */
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    memset(mem, 0, sizeof mem);
    memset(&regs, 0, sizeof regs);
    memset(&sregs, 0, sizeof sregs);
    regs.rip = 0x1000;
    if (setjmp(fuzz_refused) == 0) {
        hvt_gdb_attach(&guest, fds[0]);
        hvt_gdb_start(&guest);
        for (;;) {
            run.debug.arch.exception = 1;
            regs.rip++; /* the step, or the hlt, moved it on */
            if (!hvt_gdb_breakpoint_hit(&guest))
                hvt_gdb_debug_exit(&guest);
        }
    }
    tender_exit_hook = NULL;
    close(fds[0]); /* the stub may have closed it already: EBADF then */
    close(fds[1]);
    return 0;
}
