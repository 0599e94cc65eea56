/*
 * memory.c: host-side protection of guest memory, and checked access to it.
 *
 * Text and rodata are mapped read-only (never executable) in the tender: a
 * guest that gets past its own page tables still cannot change its code,
 * and a bug in the tender cannot run guest bytes.
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
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        if (s->prot & PROT_WRITE)
            continue;
        if (mprotect(g->mem + s->start, s->end - s->start, PROT_READ) != 0)
            tender_fail("%s: cannot protect segment 0x%" PRIx64 "-0x%" PRIx64
                        ": %s", path, s->start, s->end, strerror(errno));
    }
}
