/*
 * Kiln boot shim, x86_64 in ring 0 (hvt, virtio): CPU exceptions.
 *
 * Neither platform enables interrupts, so any vector that fires is a fault
 * in the guest: print which, where, the registers and the backtrace
 * (common/backtrace.c), then stop with
 * KILN_EXIT_GUEST_FAULT and the trap frame as platform_halt's cookie (hvt
 * hands it to the tender with HALT; virtio has no one to hand it to).
 */
#include "boot.h"
#include "x86_64.h"
#include "kiln/hvt_abi.h"
#include "kiln/hvt_trap.h"

#define TSS_SELECTOR 0x18 /* cpu_tables.S */

void x86_trap_init(void)
{
    /*
     * The tables are built at link time (cpu_tables.S): three instructions.
     * The TSS (selector 0x18) gives #DF its own stack.
     */
    __asm__ __volatile__("lgdt %0; lidt %1; ltr %w2"
                         :
                         : "m"(*__kiln_gdt_descriptor),
                           "m"(*__kiln_idt_descriptor), "r"(TSS_SELECTOR)
                         : "memory");
}

static const char *const trap_names[32] = {
    [0] = "#DE (divide error)",        [1] = "#DB (debug)",
    [2] = "NMI",                       [3] = "#BP (breakpoint)",
    [4] = "#OF (overflow)",            [5] = "#BR (bound range exceeded)",
    [6] = "#UD (invalid opcode)",      [7] = "#NM (device not available)",
    [8] = "#DF (double fault)",        [9] = "coprocessor segment overrun",
    [10] = "#TS (invalid TSS)",        [11] = "#NP (segment not present)",
    [12] = "#SS (stack-segment fault)", [13] = "#GP (general protection)",
    [14] = "#PF (page fault)",         [16] = "#MF (x87 floating point)",
    [17] = "#AC (alignment check)",    [18] = "#MC (machine check)",
    [19] = "#XM (SIMD floating point)", [20] = "#VE (virtualization)",
    [21] = "#CP (control protection)", [28] = "#HV (hypervisor injection)",
    [29] = "#VC (VMM communication)",  [30] = "#SX (security)",
};

#define TRAP_DF 8
#define TRAP_PF 14

/* The registers to print, four to a line, as offsets into the cookie. */
#define REG(name, field) {name, offsetof(struct hvt_trap_cookie, field) / 8}
static const struct {
    char name[8];
    uint8_t index;
} trap_regs[] = {
    REG("rax", rax), REG("rbx", rbx), REG("rcx", rcx), REG("rdx", rdx),
    REG("rsi", rsi), REG("rdi", rdi), REG("rbp", rbp), REG("rsp", rsp),
    REG("r8 ", r8),  REG("r9 ", r9),  REG("r10", r10), REG("r11", r11),
    REG("r12", r12), REG("r13", r13), REG("r14", r14), REG("r15", r15),
    REG("rflags", rflags), REG("cs", cs), REG("ss", ss),
};
#define NREGS (sizeof trap_regs / sizeof trap_regs[0])

void kiln_x86_trap(struct hvt_trap_cookie *f) __attribute__((noreturn));

/*
 * The cookie handed to platform_halt. Solo5's hvt tender reads
 * HVT_HALT_COOKIE_MAX bytes whatever the cookie's size, and the frame lies
 * near the top of memory, so the frame is copied into a buffer of that size
 * first. The layout is kiln/hvt_trap.h's on every platform.
 */
static union {
    struct hvt_trap_cookie c;
    char bytes[HVT_HALT_COOKIE_MAX];
} halt_cookie;

void kiln_x86_trap(struct hvt_trap_cookie *frame)
{
    struct hvt_trap_cookie *f = &halt_cookie.c;
    struct kiln_line l = {.len = 0};

    kiln_memcpy_qwords(f, frame, sizeof *f / 8);
    const char *name = f->vector < 32 ? trap_names[f->vector] : NULL;

    /*
     * A stack overflow into the guard: #PF there cannot push its frame,
     * so it arrives as #DF, on #DF's own stack (cpu_tables.S).
     */
    if ((f->vector == TRAP_PF || f->vector == TRAP_DF) &&
        kiln_is_stack_overflow(f->cr2, f->rsp)) {
        kiln_print_stack_overflow(f->cr2);
    }

    kiln_line_str(&l, "kiln: trap ");
    if (name != NULL) {
        kiln_line_str(&l, name);
    } else {
        kiln_line_str(&l, "vector ");
        kiln_line_dec(&l, f->vector);
    }
    kiln_line_str(&l, " error=");
    kiln_line_hex(&l, f->error_code);
    kiln_line_str(&l, " at rip=");
    kiln_line_hex(&l, f->rip);
    if (f->vector == TRAP_PF || f->vector == TRAP_DF) {
        kiln_line_str(&l, " cr2=");
        kiln_line_hex(&l, f->cr2);
    }
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);

    const uint64_t *words = (const uint64_t *)f;
    for (size_t i = 0; i < NREGS; i++) {
        kiln_line_str(&l, i % 4 == 0 ? "kiln: " : " ");
        kiln_line_str(&l, trap_regs[i].name);
        kiln_line_str(&l, "=");
        kiln_line_hex16(&l, words[trap_regs[i].index]);
        if (i % 4 == 3 || i == NREGS - 1) {
            kiln_line_str(&l, "\n");
            /* One console write per two lines (they fit kiln_line.buf). */
            if (i % 8 == 7 || i == NREGS - 1)
                kiln_line_flush(&l);
        }
    }
    kiln_backtrace(f->rip, f->rbp);
    platform_halt(KILN_EXIT_GUEST_FAULT, f);
}
