/*
 * module_gdb.c: --gdb[=PORT], a gdb stub in kiln-hvt (as solo5-hvt-debug
 * has): gdb connects over TCP on 127.0.0.1 (gdb_remote.c carries the
 * packets) before the guest's first instruction, and can then read and
 * write the registers and memory, set software breakpoints, single-step,
 * continue, and stop the running guest with Ctrl-C.
 *
 * How, with KVM. A software breakpoint is a one-byte instruction written
 * over the first byte of the guest's (that byte kept to put back) that
 * exits to the tender: hlt, not the usual int3. An hvt guest has no
 * interrupts, so it never halts otherwise (run.c calls a HLT a guest
 * fault), and KVM hands every HLT to the tender on any host, whereas int3
 * reaches the tender only where the CPU reports it as a #BP exception that
 * KVM_GUESTDBG_USE_SW_BP intercepts: QEMU's software SVM, under which
 * scripts/kvm-in-qemu runs hvt where this machine has no usable KVM, does
 * not. KVM_SET_GUEST_DEBUG with KVM_GUESTDBG_SINGLESTEP makes the trap
 * after each instruction (#DB, from RFLAGS.TF) a KVM_EXIT_DEBUG for the
 * steps. Guest addresses are physical ones: hvt's page tables map memory
 * one to one. gdb's Ctrl-C arrives as a byte on the connection,
 * which raises SIGIO (O_ASYNC): the signal interrupts KVM_RUN or the wait
 * of a POLL hypercall (the connection is in the wait set), and the vCPU
 * loop asks hvt_gdb_poll before each entry into the guest.
 *
 * The image's text is read-only to the tender (memory.c); under --gdb it
 * becomes writable, for the breakpoints (the guest's own page tables still
 * keep it read-only to the guest). When the guest ends, gdb is told its
 * exit status ("W" packet); when gdb ends it ("k"), the tender exits 1.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf_image.h"
#include "gdb_remote.h"
#include "hvt.h"

#define GDB_DEFAULT_PORT 1234 /* solo5-hvt-debug's, and gdb's habit */
#define MAX_BREAKPOINTS 64

/* gdb's signal numbers in stop replies. */
#define GDB_SIGINT 2
#define GDB_SIGTRAP 5

/* x86 exception vectors KVM reports in a debug exit. */
#define VECTOR_DB 1
#define HLT 0xf4

static bool wanted;               /* --gdb given                              */
static uint16_t port = GDB_DEFAULT_PORT;
static struct gdb_remote remote = {.fd = -1};
static struct tender_guest *guest;
static bool stepping;
static volatile sig_atomic_t sigio; /* gdb sent something while the guest ran */

static struct breakpoint {
    uint64_t addr;
    uint8_t saved; /* the byte the hlt replaced */
    bool used;
} breakpoints[MAX_BREAKPOINTS];

static char reply[GDB_PACKET_MAX + 1];
static char stop_reply[32]; /* why the guest last stopped, for '?' */

/* ---- registers ------------------------------------------------------------ */

/*
 * gdb's amd64 general registers, in the order and sizes of its 'g' packet
 * (gdb's 64bit-core feature): sixteen 64-bit registers, rip, then 32-bit
 * eflags and the six segment selectors. The floating-point registers that
 * follow in gdb's list are not sent: gdb shows them as unavailable.
 */
#define GDB_NGPRS 16
#define GDB_NREGS (GDB_NGPRS + 1 + 1 + 6)
#define GDB_REGS_SIZE (GDB_NGPRS * 8 + 8 + 4 + 6 * 4)

static __u64 *gpr(struct kvm_regs *k, unsigned i)
{
    __u64 *const order[GDB_NGPRS] = {
        &k->rax, &k->rbx, &k->rcx, &k->rdx, &k->rsi, &k->rdi, &k->rbp, &k->rsp,
        &k->r8,  &k->r9,  &k->r10, &k->r11, &k->r12, &k->r13, &k->r14, &k->r15};
    return order[i];
}

static void get_regs(struct kvm_regs *k, struct kvm_sregs *s)
{
    if (ioctl(guest->vcpu_fd, KVM_GET_REGS, k) != 0)
        tender_fail("gdb: KVM_GET_REGS: %s", strerror(errno));
    if (s != NULL && ioctl(guest->vcpu_fd, KVM_GET_SREGS, s) != 0)
        tender_fail("gdb: KVM_GET_SREGS: %s", strerror(errno));
}

static void set_regs(struct kvm_regs *k)
{
    if (ioctl(guest->vcpu_fd, KVM_SET_REGS, k) != 0)
        tender_fail("gdb: KVM_SET_REGS: %s", strerror(errno));
}

/* Register n's bytes as gdb lays them out into buf; returns its size (0: none). */
static size_t reg_bytes(struct kvm_regs *k, struct kvm_sregs *s, unsigned n,
                        uint8_t *buf)
{
    uint32_t v32;

    if (n < GDB_NGPRS) {
        memcpy(buf, gpr(k, n), 8);
        return 8;
    }
    if (n == GDB_NGPRS) {
        memcpy(buf, &k->rip, 8);
        return 8;
    }
    const struct kvm_segment *const segs[6] = {&s->cs, &s->ss, &s->ds,
                                               &s->es, &s->fs, &s->gs};
    if (n == GDB_NGPRS + 1)
        v32 = (uint32_t)k->rflags;
    else if (n < GDB_NREGS)
        v32 = segs[n - GDB_NGPRS - 2]->selector;
    else
        return 0;
    memcpy(buf, &v32, 4);
    return 4;
}

/*
 * Set register n from buf (its size in gdb's layout). The segment
 * selectors are the tender's flat ones: a write of the value they have is
 * taken, any other refused.
 */
static bool set_reg_bytes(struct kvm_regs *k, struct kvm_sregs *s, unsigned n,
                          const uint8_t *buf)
{
    uint8_t now[8];
    size_t size = reg_bytes(k, s, n, now);

    if (size == 0)
        return false;
    if (n < GDB_NGPRS)
        memcpy(gpr(k, n), buf, 8);
    else if (n == GDB_NGPRS)
        memcpy(&k->rip, buf, 8);
    else if (n == GDB_NGPRS + 1) {
        uint32_t v;
        memcpy(&v, buf, 4);
        k->rflags = v;
    } else if (memcmp(now, buf, size) != 0)
        return false;
    return true;
}

static void reply_registers(void)
{
    struct kvm_regs k;
    struct kvm_sregs s;
    uint8_t bytes[GDB_REGS_SIZE], *p = bytes;

    get_regs(&k, &s);
    for (unsigned n = 0; n < GDB_NREGS; n++)
        p += reg_bytes(&k, &s, n, p);
    gdb_hex_encode(reply, bytes, sizeof bytes);
}

/* G: all of them, in reply_registers' layout. */
static const char *write_registers(const char *hex)
{
    struct kvm_regs k;
    struct kvm_sregs s;
    uint8_t bytes[GDB_REGS_SIZE];
    const uint8_t *p = bytes;

    if (strlen(hex) < 2 * sizeof bytes || !gdb_hex_decode(bytes, hex, sizeof bytes))
        return "E01";
    get_regs(&k, &s);
    for (unsigned n = 0; n < GDB_NREGS; n++) {
        uint8_t now[8];
        size_t size = reg_bytes(&k, &s, n, now);
        if (!set_reg_bytes(&k, &s, n, p))
            return "E02";
        p += size;
    }
    set_regs(&k);
    return "OK";
}

/* p n: one register; nothing for one gdb has no value of. */
static const char *read_register(const char *args)
{
    struct kvm_regs k;
    struct kvm_sregs s;
    uint8_t bytes[8];
    uint64_t n;

    if (!gdb_parse_hex(&args, &n) || *args != '\0')
        return "E01";
    get_regs(&k, &s);
    size_t size = n < GDB_NREGS ? reg_bytes(&k, &s, (unsigned)n, bytes) : 0;
    if (size == 0)
        return "";
    gdb_hex_encode(reply, bytes, size);
    return reply;
}

/* P n=value */
static const char *write_register(const char *args)
{
    struct kvm_regs k;
    struct kvm_sregs s;
    uint8_t bytes[8], now[8];
    uint64_t n;

    if (!gdb_parse_hex(&args, &n) || *args++ != '=' || n >= GDB_NREGS)
        return "E01";
    get_regs(&k, &s);
    size_t size = reg_bytes(&k, &s, (unsigned)n, now);
    if (strlen(args) != 2 * size || !gdb_hex_decode(bytes, args, size) ||
        !set_reg_bytes(&k, &s, (unsigned)n, bytes))
        return "E02";
    set_regs(&k);
    return "OK";
}

/* ---- memory and breakpoints ---------------------------------------------- */

/* "addr,len" into a checked guest range; false if it is not all guest memory. */
static bool parse_range(const char **args, uint64_t *addr, uint64_t *len)
{
    if (!gdb_parse_hex(args, addr) || *(*args)++ != ',' || !gdb_parse_hex(args, len))
        return false;
    return *addr <= guest->mem_size && *len <= guest->mem_size - *addr;
}

/* m addr,len */
static const char *read_memory(const char *args)
{
    uint64_t addr, len;

    if (!parse_range(&args, &addr, &len) || *args != '\0' || len > GDB_PACKET_MAX / 2)
        return "E01";
    gdb_hex_encode(reply, guest->mem + addr, len);
    return reply;
}

/* M addr,len:bytes */
static const char *write_memory(const char *args)
{
    uint64_t addr, len;

    if (!parse_range(&args, &addr, &len) || *args++ != ':' || strlen(args) != 2 * len)
        return "E01";
    return gdb_hex_decode(guest->mem + addr, args, len) ? "OK" : "E02";
}

static struct breakpoint *find_breakpoint(uint64_t addr)
{
    for (unsigned i = 0; i < MAX_BREAKPOINTS; i++)
        if (breakpoints[i].used && breakpoints[i].addr == addr)
            return &breakpoints[i];
    return NULL;
}

/*
 * Z0,addr,kind / z0,addr,kind: a software breakpoint in, or out. The other
 * kinds (hardware breakpoints, watchpoints) are not offered: an empty
 * reply, and gdb does without.
 */
static const char *breakpoint(bool insert, const char *args)
{
    uint64_t addr, kind;

    if (args[0] != '0')
        return "";
    args++;
    if (*args++ != ',' || !parse_range(&args, &addr, &kind) || addr == guest->mem_size)
        return "E01";
    struct breakpoint *b = find_breakpoint(addr);
    if (!insert) {
        if (b != NULL) {
            guest->mem[addr] = b->saved;
            b->used = false;
        }
        return "OK";
    }
    if (b != NULL)
        return "OK";
    for (unsigned i = 0; i < MAX_BREAKPOINTS; i++) {
        if (!breakpoints[i].used) {
            breakpoints[i] = (struct breakpoint){
                .addr = addr, .saved = guest->mem[addr], .used = true};
            guest->mem[addr] = HLT;
            return "OK";
        }
    }
    return "E03"; /* all MAX_BREAKPOINTS in use */
}

static void remove_all_breakpoints(void)
{
    for (unsigned i = 0; i < MAX_BREAKPOINTS; i++) {
        if (breakpoints[i].used)
            guest->mem[breakpoints[i].addr] = breakpoints[i].saved;
        breakpoints[i].used = false;
    }
}

/* ---- running and stopping ------------------------------------------------- */

/* Tell KVM whether each instruction is to exit to the tender (a step). */
static void set_guest_debug(bool debugging)
{
    struct kvm_guest_debug dbg = {0};

    if (debugging && stepping)
        dbg.control = KVM_GUESTDBG_ENABLE | KVM_GUESTDBG_SINGLESTEP;
    if (ioctl(guest->vcpu_fd, KVM_SET_GUEST_DEBUG, &dbg) != 0)
        tender_fail("gdb: KVM_SET_GUEST_DEBUG: %s", strerror(errno));
}

/* gdb has gone while the guest was stopped: nothing can resume it. */
__attribute__((noreturn)) static void debugger_gone(void)
{
    tender_exit_hook = NULL;
    tender_fail("gdb: the debugger went away (connection closed)");
}

/* c[addr] / s[addr]: resume, at addr if given. */
static bool resume(const char *args, bool step)
{
    uint64_t addr;

    if (*args != '\0') {
        struct kvm_regs k;
        if (!gdb_parse_hex(&args, &addr))
            return false;
        get_regs(&k, NULL);
        k.rip = addr;
        set_regs(&k);
    }
    stepping = step;
    set_guest_debug(true);
    return true;
}

/* D: go on without the debugger. */
static void detach(void)
{
    remove_all_breakpoints();
    stepping = false;
    set_guest_debug(false);
    (void)gdb_remote_send(&remote, "OK");
    if (remote.fd >= 0)
        close(remote.fd);
    remote.fd = -1;
    tender_exit_hook = NULL;
}

/* qSupported and the other queries gdb makes on connecting. */
static const char *query(const char *q)
{
    if (strncmp(q, "qSupported", 10) == 0) {
        snprintf(reply, sizeof reply, "PacketSize=%x;swbreak+", GDB_PACKET_MAX);
        return reply;
    }
    /* 0: the tender created the process, so gdb's quit ends it ('k'). */
    if (strcmp(q, "qAttached") == 0)
        return "0";
    return "";
}

/*
 * The guest is stopped, why in stop_reply: tell gdb (unless it is to ask,
 * as on connecting) and serve it until it resumes the guest or lets it go.
 */
static void serve(bool announce)
{
    if (announce && !gdb_remote_send(&remote, stop_reply))
        debugger_gone();
    for (;;) {
        if (!gdb_remote_recv(&remote))
            debugger_gone();
        const char *p = remote.packet, *answer;
        switch (p[0]) {
        case '?':
            answer = stop_reply;
            break;
        case 'g':
            reply_registers();
            answer = reply;
            break;
        case 'G':
            answer = write_registers(p + 1);
            break;
        case 'p':
            answer = read_register(p + 1);
            break;
        case 'P':
            answer = write_register(p + 1);
            break;
        case 'm':
            answer = read_memory(p + 1);
            break;
        case 'M':
            answer = write_memory(p + 1);
            break;
        case 'Z':
        case 'z':
            answer = breakpoint(p[0] == 'Z', p + 1);
            break;
        case 'c':
        case 's':
            if (resume(p + 1, p[0] == 's'))
                return;
            answer = "E01";
            break;
        case 'C': /* with a signal: there are none to give a guest */
        case 'S': {
            const char *args = strchr(p, ';');
            if (resume(args ? args + 1 : "", p[0] == 'S'))
                return;
            answer = "E01";
            break;
        }
        case 'D':
            detach();
            return;
        case 'k':
            tender_exit_hook = NULL;
            tender_fail("gdb: the debugger ended the guest (kill)");
        case 'H': /* one thread: any will do */
        case 'T':
            answer = "OK";
            break;
        case 'q':
            answer = query(p);
            break;
        default:
            answer = "";
            break;
        }
        if (!gdb_remote_send(&remote, answer))
            debugger_gone();
    }
}

void hvt_gdb_start(struct tender_guest *g)
{
    (void)g;
    if (remote.fd < 0)
        return;
    /* Stopped before the first instruction; gdb asks why with '?'. */
    set_guest_debug(true);
    snprintf(stop_reply, sizeof stop_reply, "S%02x", GDB_SIGTRAP);
    serve(false);
}

void hvt_gdb_poll(struct tender_guest *g)
{
    (void)g;
    if (!sigio)
        return;
    sigio = 0;
    if (remote.fd < 0)
        return;
    if (gdb_remote_interrupted(&remote)) {
        snprintf(stop_reply, sizeof stop_reply, "S%02x", GDB_SIGINT);
        serve(true);
    } else if (remote.fd < 0) {
        /* gdb went away while the guest ran: it runs on, undebugged. */
        remove_all_breakpoints();
        stepping = false;
        set_guest_debug(false);
        tender_exit_hook = NULL;
        tender_warn("gdb: the debugger went away; the guest runs on");
    }
}

void hvt_gdb_debug_exit(struct tender_guest *g)
{
    const struct kvm_debug_exit_arch *d = &g->run->debug.arch;

    if (remote.fd < 0)
        hvt_guest_fault(g, "a debug exception (vector %u) at rip 0x%llx with no "
                        "debugger attached", d->exception, (unsigned long long)d->pc);
    snprintf(stop_reply, sizeof stop_reply, "S%02x", GDB_SIGTRAP);
    serve(true);
}

bool hvt_gdb_breakpoint_hit(struct tender_guest *g)
{
    struct kvm_regs k;

    if (remote.fd < 0)
        return false;
    /*
     * KVM has moved rip past the hlt; gdb wants it at the breakpoint
     * (swbreak: it does not move it back itself).
     */
    get_regs(&k, NULL);
    if (k.rip == 0 || find_breakpoint(k.rip - 1) == NULL)
        return false;
    k.rip--;
    set_regs(&k);
    (void)g;
    snprintf(stop_reply, sizeof stop_reply, "T%02xswbreak:;", GDB_SIGTRAP);
    serve(true);
    return true;
}

/* The tender is exiting with status: tell gdb the guest has gone. */
static void on_exit_status(int status)
{
    char w[8];

    if (remote.fd < 0)
        return;
    snprintf(w, sizeof w, "W%02x", status & 0xff);
    (void)gdb_remote_send(&remote, w);
}

static void on_sigio(int sig)
{
    (void)sig;
    sigio = 1;
}

int hvt_gdb_fd(void)
{
    return remote.fd;
}

static bool option(const char *arg, struct mft *mft)
{
    (void)mft;
    if (strcmp(arg, "--gdb") == 0) {
        wanted = true;
        return true;
    }
    if (strncmp(arg, "--gdb=", 6) != 0)
        return false;
    const char *v = arg + 6;
    char *end;
    errno = 0;
    unsigned long n = strtoul(v, &end, 10);
    if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 || n > 65535)
        tender_fail("%s: not a TCP port (0 to 65535; 0 picks a free one)", arg);
    wanted = true;
    port = (uint16_t)n;
    return true;
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    uint16_t bound;

    (void)mft;
    if (!wanted)
        return;
    guest = g;
    if (ioctl(g->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_SET_GUEST_DEBUG) <= 0)
        tender_fail("gdb: this KVM cannot debug guests (no KVM_CAP_SET_GUEST_DEBUG)");
    /* Breakpoints are written into the text, which memory.c made read-only. */
    for (unsigned i = 0; i < g->image->nsegments; i++) {
        const struct elf_segment *s = &g->image->segments[i];
        if (!(s->prot & PROT_WRITE) &&
            mprotect(g->mem + s->start, s->end - s->start, PROT_READ | PROT_WRITE) != 0)
            tender_fail("gdb: cannot make segment 0x%" PRIx64 "-0x%" PRIx64
                        " writable for breakpoints: %s", s->start, s->end,
                        strerror(errno));
    }

    int listen_fd = gdb_remote_listen(port, &bound);
    tender_warn("gdb: listening on 127.0.0.1:%u; connect with: gdb -ex 'target "
                "remote 127.0.0.1:%u' IMAGE", bound, bound);
    gdb_remote_accept(&remote, listen_fd);
    hvt_gdb_attach(g, remote.fd);
}

void hvt_gdb_attach(struct tender_guest *g, int fd)
{
    struct sigaction sa;

    guest = g;
    remote.fd = fd;
    remote.buf_start = remote.buf_end = 0;
    memset(breakpoints, 0, sizeof breakpoints);
    stepping = false;
    sigio = 0;
    /* gdb's Ctrl-C raises SIGIO, which interrupts KVM_RUN and POLL's wait. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigio;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGIO, &sa, NULL) != 0 || fcntl(fd, F_SETOWN, getpid()) != 0 ||
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC) != 0)
        tender_fail("gdb: cannot have the connection signal the tender: %s",
                    strerror(errno));
    hvt_waitset_add_wakeup(fd);
    tender_exit_hook = on_exit_status;
}

const struct tender_module hvt_module_gdb = {
    .name = "gdb",
    .usage = "--gdb[=PORT]    wait for gdb on 127.0.0.1:PORT (default 1234; 0: a free\n"
             "                one, printed) before the guest's first instruction;\n"
             "                the image's text becomes writable to the tender\n"
             "                (breakpoints)",
    .option = option,
    .setup = setup,
};
