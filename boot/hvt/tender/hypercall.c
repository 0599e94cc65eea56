/*
 * hypercall.c: the hypercall table and checked access to guest memory.
 *
 * The guest does a 4-byte `outl` of a 32-bit guest address to port
 * HVT_HYPERCALL_PIO_BASE + nr. Nothing it passes is trusted: every address
 * and length is checked against guest memory (and what the tender writes,
 * against the image's read-only segments too), and a bad one is a guest
 * fault (exit 254) naming the hypercall.
 */
#include <inttypes.h>
#include <string.h>

#include "elf_image.h"
#include "hvt.h"

static struct {
    const char *name;
    hvt_hypercall_fn fn;
} table[HVT_HYPERCALL_MAX];

static const char *current = "?"; /* the hypercall being handled, for messages */

void hvt_register_hypercall(unsigned nr, const char *name, hvt_hypercall_fn fn)
{
    if (nr == 0 || nr >= HVT_HYPERCALL_MAX || table[nr].fn)
        tender_fail("internal error: hypercall %u registered twice or out of range",
                    nr);
    table[nr].name = name;
    table[nr].fn = fn;
}

void hvt_dispatch(struct tender_guest *g, uint16_t port, uint32_t value)
{
    unsigned nr = (unsigned)port - HVT_HYPERCALL_PIO_BASE;

    if (port < HVT_HYPERCALL_PIO_BASE || nr >= HVT_HYPERCALL_MAX ||
        table[nr].fn == NULL)
        hvt_guest_fault(g, "port I/O to 0x%x, which is no hypercall this tender "
                        "offers (rip 0x%" PRIx64 ")", port, hvt_guest_rip(g));
    current = table[nr].name;
    table[nr].fn(g, value);
    current = "?";
}

void *hvt_guest_range(struct tender_guest *g, uint64_t gpa, uint64_t len,
                      const char *what)
{
    if (gpa > g->mem_size || len > g->mem_size - gpa)
        hvt_guest_fault(g, "hypercall %s: %s at 0x%" PRIx64 " (0x%" PRIx64
                        " bytes) is outside guest memory (0x%zx bytes)", current,
                        what, gpa, len, g->mem_size);
    return g->mem + gpa;
}

void *hvt_guest_writable(struct tender_guest *g, uint64_t gpa, uint64_t len,
                         const char *what)
{
    (void)hvt_guest_range(g, gpa, len, what);
    const struct elf_segment *s = hvt_read_only_segment(g, gpa, len);
    if (s != NULL)
        hvt_guest_fault(g, "hypercall %s: %s at 0x%" PRIx64 " (0x%" PRIx64
                        " bytes) is in the image's read-only segment 0x%" PRIx64
                        "-0x%" PRIx64 ", which the tender may not write", current,
                        what, gpa, len, s->start, s->end);
    return g->mem + gpa;
}

void hvt_copy_in(struct tender_guest *g, uint64_t gpa, void *dst, size_t len)
{
    memcpy(dst, hvt_guest_range(g, gpa, len, "argument struct"), len);
}

void hvt_copy_out(struct tender_guest *g, uint64_t gpa, const void *src, size_t len)
{
    memcpy(hvt_guest_writable(g, gpa, len, "argument struct"), src, len);
}
