/*
 * Kiln boot shim, hvt: CPU exceptions.
 *
 * There are no interrupts on hvt, so any vector that fires is a fault in the
 * guest: print which, where and the registers, then halt with
 * KILN_EXIT_GUEST_FAULT and the registers as the HALT cookie.
 */
#include "hvt.h"
#include "kiln/hvt_trap.h"

/* The stack as cpu_tables.S leaves it, lowest address first. */
struct hvt_trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

extern const char __kiln_gdt_descriptor[], __kiln_idt_descriptor[];

void hvt_trap_init(void)
{
    /* Both tables are built at link time (cpu_tables.S): two instructions. */
    __asm__ __volatile__("lgdt %0; lidt %1"
                         :
                         : "m"(*__kiln_gdt_descriptor),
                           "m"(*__kiln_idt_descriptor));
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

#define TRAP_PF 14

static void put_reg(struct kiln_line *l, const char *name, uint64_t v)
{
    kiln_line_str(l, name);
    kiln_line_hex16(l, v);
}

void kiln_hvt_trap(const struct hvt_trap_frame *f) __attribute__((noreturn));

void kiln_hvt_trap(const struct hvt_trap_frame *f)
{
    static struct hvt_trap_cookie c;
    struct kiln_line l = {.len = 0};
    uint64_t cr2;

    __asm__ __volatile__("mov %%cr2, %0" : "=r"(cr2));
    c = (struct hvt_trap_cookie){
        .vector = f->vector, .error_code = f->error_code, .cr2 = cr2,
        .rip = f->rip, .cs = f->cs, .rflags = f->rflags, .rsp = f->rsp,
        .ss = f->ss, .rax = f->rax, .rbx = f->rbx, .rcx = f->rcx,
        .rdx = f->rdx, .rsi = f->rsi, .rdi = f->rdi, .rbp = f->rbp,
        .r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->r11,
        .r12 = f->r12, .r13 = f->r13, .r14 = f->r14, .r15 = f->r15};

    const char *name = f->vector < 32 ? trap_names[f->vector] : NULL;
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
    if (f->vector == TRAP_PF) {
        kiln_line_str(&l, " cr2=");
        kiln_line_hex(&l, cr2);
    }
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);

    /* Two lines of four registers per console write (kiln_line holds 256). */
    put_reg(&l, "kiln: rax=", f->rax);
    put_reg(&l, " rbx=", f->rbx);
    put_reg(&l, " rcx=", f->rcx);
    put_reg(&l, " rdx=", f->rdx);
    put_reg(&l, "\nkiln: rsi=", f->rsi);
    put_reg(&l, " rdi=", f->rdi);
    put_reg(&l, " rbp=", f->rbp);
    put_reg(&l, " rsp=", f->rsp);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
    put_reg(&l, "kiln: r8 =", f->r8);
    put_reg(&l, " r9 =", f->r9);
    put_reg(&l, " r10=", f->r10);
    put_reg(&l, " r11=", f->r11);
    put_reg(&l, "\nkiln: r12=", f->r12);
    put_reg(&l, " r13=", f->r13);
    put_reg(&l, " r14=", f->r14);
    put_reg(&l, " r15=", f->r15);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
    put_reg(&l, "kiln: rflags=", f->rflags);
    put_reg(&l, " cs=", f->cs);
    put_reg(&l, " ss=", f->ss);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);

    platform_halt(KILN_EXIT_GUEST_FAULT, &c);
}
