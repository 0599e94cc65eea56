/*
 * module_core.c: HALT. The guest's exit status becomes the tender's. A
 * Kiln guest's trap handler prints the trap itself and halts with status
 * 254 and its trap frame as the cookie: the tender adds one line so the
 * user sees who stopped it.
 */
#include <stdlib.h>
#include <unistd.h>

#include "hvt.h"

static void hypercall_halt(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_halt h;

    hvt_copy_in(g, gpa, &h, sizeof h);
    if (h.cookie != 0)
        (void)hvt_guest_range(g, h.cookie, HVT_HALT_COOKIE_MAX, "HALT cookie");
    if (h.exit_status == KILN_EXIT_GUEST_FAULT && h.cookie != 0)
        tender_exit(KILN_EXIT_GUEST_FAULT, "guest fault (reported by the guest)");
    _exit(h.exit_status & 0xff);
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
