/*
 * module_console.c: PUTS writes the guest's bytes to the tender's stdout.
 */
#include "hvt.h"

static void hypercall_puts(struct tender_guest *g, uint64_t gpa)
{
    struct hvt_hc_puts p;

    hvt_copy_in(g, gpa, &p, sizeof p);
    const void *data = hvt_guest_range(g, p.data, p.len, "PUTS buffer");
    (void)tender_write_all(1, data, p.len); /* the console is best effort */
}

static void setup(struct tender_guest *g, struct mft *mft)
{
    (void)g;
    (void)mft;
    hvt_register_hypercall(HVT_HYPERCALL_PUTS, "PUTS", hypercall_puts);
}

const struct tender_module hvt_module_console = {
    .name = "console",
    .setup = setup,
};
