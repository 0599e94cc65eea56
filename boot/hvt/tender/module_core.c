/*
 * module_core.c: HALT. The guest's exit status becomes the tender's. A
 * Kiln guest's trap handler prints the trap itself and halts with status
 * 254 and its trap frame as the cookie: the tender adds one line so the
 * user sees who stopped it; with a stack guard, and a trap in it, that it
 * was a stack overflow.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

#include "hvt.h"
#include "kiln/hvt_trap.h"

#define TRAP_DF 8
#define TRAP_PF 14

/*
 * A Kiln guest's trap cookie that says its stack ran into the guard: #DF
 * (or #PF) with the faulting address in the guard or rsp at it. Only asked
 * when the image has a guard, so the cookie is Kiln's.
 */
static bool is_stack_overflow(const struct tender_guest *g,
                              const struct hvt_trap_cookie *c)
{
    if (g->guard_end == g->guard_start ||
        (c->vector != TRAP_DF && c->vector != TRAP_PF))
        return false;
    return (c->cr2 >= g->guard_start && c->cr2 < g->guard_end) ||
           (c->rsp >= g->guard_start && c->rsp < g->guard_end + 0x1000);
}

void (*hvt_before_halt)(void);

static void hypercall_halt(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_halt h;

    if (hvt_before_halt != NULL)
        hvt_before_halt();
    hvt_copy_in(g, gpa, &h, sizeof h);
    if (h.cookie != 0)
        (void)hvt_guest_range(g, h.cookie, HVT_HALT_COOKIE_MAX, "HALT cookie");
    if (h.exit_status == KILN_EXIT_GUEST_FAULT && h.cookie != 0) {
        struct hvt_trap_cookie c;
        hvt_copy_in(g, h.cookie, &c, sizeof c);
        if (is_stack_overflow(g, &c))
            tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault: stack overflow "
                        "into the guard page at 0x%" PRIx64 " below the stack "
                        "(guard 0x%" PRIx64 "-0x%" PRIx64 ", reported by the "
                        "guest at rip 0x%" PRIx64 "): give the stack more room "
                        "(RUNTIME_STACK_SIZE) or recurse less",
                        c.cr2 & ~(uint64_t)0xfff, g->guard_start, g->guard_end,
                        c.rip);
        tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault (reported by the guest)");
    }
    tender_exit_now(h.exit_status & 0xff);
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)g;
    (void)mft;
    hvt_register_hypercall(HVT_HYPERCALL_HALT, "HALT", hypercall_halt);
}

const struct tender_module hvt_module_core = {
    .name = "core",
    .setup = setup,
};
