/*
 * memory.c: host-side protection of guest memory.
 *
 * The image's segments without PROT_WRITE (text, rodata) are mapped
 * PROT_READ in the tender, as solo5-hvt does. KVM builds the guest's
 * second-level mappings from the tender's: it needs the host page readable
 * to let the guest read or run it (PROT_EXEC on the host is never needed,
 * so the tender cannot run guest bytes either), and it gives the guest
 * write access only where the host mapping is writable. So W^X holds for
 * the image even against a guest that rewrites its own page tables: its
 * write to its code fails KVM_RUN with EFAULT (run.c reports it). From
 * here on the tender writes guest memory only through hvt_guest_writable,
 * which refuses these segments, and below HVT_GUEST_MIN_BASE (page tables,
 * boot info), where no segment lies.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <inttypes.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "elf_image.h"
#include "hvt.h"

void hvt_protect_image(struct tender_guest *g, const char *path,
                       const struct elf_image *image)
{
    g->image = image;
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        if (s->prot & PROT_WRITE)
            continue;
        if (mprotect(g->mem + s->start, s->end - s->start, PROT_READ) != 0)
            tender_fail("%s: cannot protect segment 0x%" PRIx64 "-0x%" PRIx64
                        ": %s", path, s->start, s->end, strerror(errno));
    }
}

const struct elf_segment *hvt_read_only_segment(const struct tender_guest *g,
                                                uint64_t gpa, uint64_t len)
{
    if (g->image == NULL || len == 0)
        return NULL;
    for (unsigned i = 0; i < g->image->nsegments; i++) {
        const struct elf_segment *s = &g->image->segments[i];
        /* gpa + len cannot overflow: the caller checked it is in guest memory */
        if (!(s->prot & PROT_WRITE) && gpa < s->end && gpa + len > s->start)
            return s;
    }
    return NULL;
}
