/*
 * memory.c: guest memory inside the tender's address space.
 *
 * Guest addresses are host addresses, so guest memory must sit at its
 * guest address: [SPT_HOST_MEM_BASE, mem_size). The tender is a PIE,
 * loaded far above; MAP_FIXED_NOREPLACE refuses to map over anything
 * already there instead of silently replacing it.
 *
 * Each image segment gets its ELF permissions, and the stack guard that a
 * Kiln image's stack note asks for gets none, so a stack overflow raises
 * SIGSEGV there (faults.c names it).
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>

#include "elf_image.h"
#include "spt.h"

extern const char __executable_start[];

void spt_map_memory(struct tender_guest *g, size_t mem_size)
{
    int persona = personality(0xffffffff);
    if (persona >= 0 && (persona & READ_IMPLIES_EXEC))
        tender_fail("the process runs with READ_IMPLIES_EXEC: guest data "
                    "would be executable; refusing to run");
    if ((uintptr_t)__executable_start < mem_size)
        tender_fail("--mem=%zu: guest memory would reach the tender itself "
                    "(loaded at %p): lower --mem or build kiln-spt as a PIE",
                    mem_size / MiB, (const void *)__executable_start);

    void *want = (void *)SPT_HOST_MEM_BASE;
    void *got = mmap(want, mem_size - SPT_HOST_MEM_BASE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                         MAP_FIXED_NOREPLACE,
                     -1, 0);
    if (got == MAP_FAILED)
        tender_fail("cannot map %zu MiB of guest memory at 0x%x: %s (lower --mem)",
                    mem_size / MiB, SPT_HOST_MEM_BASE, strerror(errno));
    if (got != want)
        tender_fail("the kernel mapped guest memory at %p, not at 0x%x "
                    "(MAP_FIXED_NOREPLACE unsupported?)", got, SPT_HOST_MEM_BASE);
    g->mem = (uint8_t *)0; /* guest address == host address */
    g->mem_size = mem_size;
}

void spt_protect_image(struct tender_guest *g, const char *path,
                       const struct elf_image *image)
{
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        if (mprotect((void *)((uintptr_t)g->mem + s->start), s->end - s->start, s->prot) != 0)
            tender_fail("%s: cannot protect segment 0x%" PRIx64 "-0x%" PRIx64
                        ": %s", path, s->start, s->end, strerror(errno));
    }
}

void spt_protect_guard(struct tender_guest *g, const char *path)
{
    if (g->guard_end == g->guard_start)
        return;
    if (mprotect((void *)(uintptr_t)g->guard_start,
                 g->guard_end - g->guard_start, PROT_NONE) != 0)
        tender_fail("%s: cannot protect the stack guard 0x%" PRIx64 "-0x%" PRIx64
                    ": %s", path, g->guard_start, g->guard_end, strerror(errno));
}
