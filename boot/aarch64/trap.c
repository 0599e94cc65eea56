/*
 * Kiln boot shim, aarch64 at EL1: CPU exceptions.
 *
 * Interrupts stay masked, so any exception that arrives is a fault in the
 * guest (or an expected one the platform takes back through
 * aarch64_trap_resume_hook): print its class, the syndrome, the faulting
 * address, where it happened, the registers and the backtrace
 * (common/backtrace.c), then stop with KILN_EXIT_GUEST_FAULT, the frame as
 * platform_halt's cookie. The lines follow x86_64/trap.c's:
 *
 *     kiln: trap data abort (same EL) esr=0x96000045 at pc=0x40201234 far=0x0
 *     kiln: x0 =0x0000000000000000 x1 =... (four to a line)
 *     kiln: backtrace (most recent call first): ...
 */
#include "boot.h"
#include "aarch64.h"

int (*aarch64_trap_resume_hook)(struct aarch64_trap_frame *f);

/* ESR_EL1.EC, bits 31:26: what kind of exception. */
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define EC_IABT_SAME 0x21
#define EC_DABT_SAME 0x25
#define EC_DABT_LOWER 0x24
#define EC_IABT_LOWER 0x20

static const char *ec_name(unsigned ec)
{
    switch (ec) {
    case 0x00: return "unknown reason (an undefined instruction)";
    case 0x01: return "WFI/WFE trapped";
    case 0x07: return "FP/SIMD access trapped";
    case 0x0e: return "illegal execution state";
    case 0x15: return "SVC";
    case 0x16: return "HVC";
    case 0x17: return "SMC";
    case 0x18: return "MSR/MRS trapped";
    case EC_IABT_LOWER: return "instruction abort (lower EL)";
    case EC_IABT_SAME: return "instruction abort";
    case 0x22: return "PC alignment fault";
    case EC_DABT_LOWER: return "data abort (lower EL)";
    case EC_DABT_SAME: return "data abort";
    case 0x26: return "SP alignment fault";
    case 0x2c: return "floating-point exception";
    case 0x2f: return "SError";
    case 0x30: case 0x31: return "breakpoint";
    case 0x32: case 0x33: return "software step";
    case 0x34: case 0x35: return "watchpoint";
    case 0x3c: return "BRK instruction";
    default: return NULL;
    }
}

static const char *const vector_kinds[4] = {"synchronous", "IRQ", "FIQ",
                                            "SError"};

static int is_abort(unsigned ec)
{
    return ec == EC_IABT_SAME || ec == EC_DABT_SAME || ec == EC_IABT_LOWER ||
           ec == EC_DABT_LOWER;
}

static void print_registers(const struct aarch64_trap_frame *f)
{
    static const char names[31][4] = {
        "x0 ", "x1 ", "x2 ", "x3 ", "x4 ", "x5 ", "x6 ", "x7 ",
        "x8 ", "x9 ", "x10", "x11", "x12", "x13", "x14", "x15",
        "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23",
        "x24", "x25", "x26", "x27", "x28", "x29", "x30"};
    struct kiln_line l = {.len = 0};
    const unsigned n = 34; /* x0..x30, sp, elr, spsr */

    for (unsigned i = 0; i < n; i++) {
        const char *name = i < 31 ? names[i] : i == 31 ? "sp " : i == 32 ? "elr" : "spsr";
        uint64_t v = i < 31 ? f->x[i] : i == 31 ? f->sp : i == 32 ? f->elr : f->spsr;
        kiln_line_str(&l, i % 4 == 0 ? "kiln: " : " ");
        kiln_line_str(&l, name);
        kiln_line_str(&l, "=");
        kiln_line_hex16(&l, v);
        if (i % 4 == 3 || i == n - 1) {
            kiln_line_str(&l, "\n");
            if (i % 8 == 7 || i == n - 1)
                kiln_line_flush(&l);
        }
    }
}

static struct aarch64_trap_frame halt_cookie;
static int in_trap;

int kiln_aarch64_trap(struct aarch64_trap_frame *frame);
int kiln_aarch64_trap(struct aarch64_trap_frame *frame)
{
    if (aarch64_trap_resume_hook != NULL && aarch64_trap_resume_hook(frame))
        return 1;
    /* A fault while reporting one: the report cannot be trusted to end. */
    if (in_trap++)
        platform_halt(KILN_EXIT_GUEST_FAULT, NULL);

    struct aarch64_trap_frame *f = &halt_cookie;
    kiln_memcpy_qwords(f, frame, sizeof *f / 8);
    unsigned ec = ESR_EC(f->esr);
    struct kiln_line l = {.len = 0};

    if (is_abort(ec) && kiln_is_stack_overflow(f->far, f->sp)) {
        kiln_print_stack_overflow(f->far);
    }

    kiln_line_str(&l, "kiln: trap ");
    const char *name = ec_name(ec);
    if ((f->vector & 3) != 0) {
        kiln_line_str(&l, vector_kinds[f->vector & 3]);
    } else if (name != NULL) {
        kiln_line_str(&l, name);
    } else {
        kiln_line_str(&l, "class ");
        kiln_line_hex(&l, ec);
    }
    kiln_line_str(&l, " esr=");
    kiln_line_hex(&l, f->esr);
    kiln_line_str(&l, " at pc=");
    kiln_line_hex(&l, f->elr);
    if (is_abort(ec)) {
        kiln_line_str(&l, " far=");
        kiln_line_hex(&l, f->far);
        /* ISS bit 6 of a data abort: WnR, the access was a write. */
        if (ec == EC_DABT_SAME || ec == EC_DABT_LOWER)
            kiln_line_str(&l, (f->esr & (1U << 6)) ? " (write)" : " (read)");
    }
    if (f->vector >= 4)
        kiln_line_str(&l, " (in the exception handler)");
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);

    print_registers(f);
    kiln_backtrace(f->elr, f->x[29]);
    platform_halt(KILN_EXIT_GUEST_FAULT, f);
}
