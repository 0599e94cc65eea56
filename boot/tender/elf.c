/*
 * elf.c: check and load the program headers of a unikernel image.
 *
 * The rules are Solo5's (so an image one tender takes, the other takes too):
 * ELF64 little-endian x86_64 ET_EXEC; loadable segments ascending, at or
 * above the platform's lowest address, not overlapping once aligned to
 * p_align, p_align a power of two, both ends page aligned, never writable
 * and executable at once. Kiln also wants the entry point inside an
 * executable segment. Every sum is checked for overflow first.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_image.h"
#include "tender.h"

#define image_fail(path, fmt, ...) tender_fail("%s: " fmt, path, ##__VA_ARGS__)

ssize_t elf_pread(int fd, void *buf, size_t len, uint64_t offset)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = pread(fd, (char *)buf + done, len - done,
                          (off_t)(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static bool is_power_of_two(uint64_t x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

static void check_ehdr(const char *path, const Elf64_Ehdr *eh, ssize_t got)
{
    if (got < SELFMAG || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
        image_fail(path, "not an ELF file (no ELF magic at its start)");
    if (got < (ssize_t)sizeof *eh)
        image_fail(path, "truncated ELF file: %zd bytes, shorter than an ELF header",
                   got);
    if (eh->e_ident[EI_CLASS] != ELFCLASS64)
        image_fail(path, "not a 64-bit ELF file (class %u)", eh->e_ident[EI_CLASS]);
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
        image_fail(path, "not a little-endian ELF file");
    if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
        image_fail(path, "unknown ELF version %u", eh->e_version);
    if (eh->e_machine != EM_X86_64)
        image_fail(path, "built for ELF machine %u, not x86_64 (62)", eh->e_machine);
    if (eh->e_type != ET_EXEC)
        image_fail(path, "not an executable (ELF type %u, want ET_EXEC): "
                   "link it as a static, non-PIE unikernel", eh->e_type);
    if (eh->e_ehsize != sizeof(Elf64_Ehdr) || eh->e_phentsize != sizeof(Elf64_Phdr))
        image_fail(path, "unexpected ELF header sizes (e_ehsize %u, e_phentsize %u)",
                   eh->e_ehsize, eh->e_phentsize);
    if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHDRS)
        image_fail(path, "%u program headers (want 1 to %d)", eh->e_phnum,
                   ELF_MAX_PHDRS);
}

static void add_note(const char *path, struct elf_image *image, unsigned i,
                     const Elf64_Phdr *ph)
{
    if (ph->p_offset > image->file_size ||
        ph->p_filesz > image->file_size - ph->p_offset)
        image_fail(path, "truncated ELF file: note segment %u ends past the end "
                   "of the file", i);
    if (image->nnotes == ELF_MAX_NOTES)
        image_fail(path, "more than %d note segments", ELF_MAX_NOTES);
    image->notes[image->nnotes++] = (struct elf_note_segment){
        .offset = ph->p_offset, .filesz = ph->p_filesz, .align = ph->p_align};
}

static void add_load(const char *path, uint64_t min_base,
                     struct elf_image *image, unsigned i, const Elf64_Phdr *ph)
{
    struct elf_segment s = {.vaddr = ph->p_vaddr, .memsz = ph->p_memsz,
                            .filesz = ph->p_filesz, .offset = ph->p_offset};
    uint64_t align = ph->p_align, end;

    if (ph->p_offset > image->file_size ||
        ph->p_filesz > image->file_size - ph->p_offset)
        image_fail(path, "truncated ELF file: segment %u (offset 0x%" PRIx64
                   ", 0x%" PRIx64 " bytes) ends past the end of the file (0x%"
                   PRIx64 " bytes)", i, ph->p_offset, ph->p_filesz,
                   image->file_size);
    if (ph->p_filesz > ph->p_memsz)
        image_fail(path, "segment %u has more file bytes (0x%" PRIx64 ") than "
                   "memory bytes (0x%" PRIx64 ")", i, ph->p_filesz, ph->p_memsz);
    if (!is_power_of_two(align))
        image_fail(path, "segment %u: p_align 0x%" PRIx64 " is not a power of two",
                   i, align);
    if (__builtin_add_overflow(s.vaddr, s.memsz, &end) ||
        __builtin_add_overflow(end, align - 1, &s.end))
        image_fail(path, "segment %u: address 0x%" PRIx64 " + size 0x%" PRIx64
                   " overflows", i, s.vaddr, s.memsz);
    s.end &= ~(align - 1);
    s.start = s.vaddr & ~(align - 1);
    if (s.start < min_base)
        image_fail(path, "segment %u at 0x%" PRIx64 " lies below 0x%" PRIx64
                   ", the lowest address a unikernel may use", i, s.start, min_base);
    if ((s.start | s.end) & (ELF_PAGE_SIZE - 1))
        image_fail(path, "segment %u (0x%" PRIx64 "-0x%" PRIx64 ") is not aligned "
                   "to 4 KiB pages: link with p_align >= 0x1000", i, s.start, s.end);
    if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X))
        image_fail(path, "segment %u (0x%" PRIx64 ") is both writable and "
                   "executable (W^X)", i, s.vaddr);
    if (image->nsegments > 0) {
        const struct elf_segment *prev = &image->segments[image->nsegments - 1];
        if (s.vaddr < prev->vaddr)
            image_fail(path, "segment %u (0x%" PRIx64 ") is out of order: "
                       "segments must ascend", i, s.vaddr);
        if (s.start < prev->end)
            image_fail(path, "segment %u (0x%" PRIx64 "-0x%" PRIx64 ") overlaps "
                       "the previous one (ends at 0x%" PRIx64 ")", i, s.start,
                       s.end, prev->end);
    }
    if (image->nsegments == ELF_MAX_SEGMENTS)
        image_fail(path, "more than %d loadable segments", ELF_MAX_SEGMENTS);
    s.prot = ((ph->p_flags & PF_R) ? PROT_READ : 0) |
             ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
             ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
    image->segments[image->nsegments++] = s;
    if (s.end > image->end)
        image->end = s.end;
}

void elf_read(int fd, const char *path, uint64_t min_base,
              struct elf_image *image)
{
    struct stat st;
    Elf64_Ehdr eh;
    Elf64_Phdr ph[ELF_MAX_PHDRS];

    memset(image, 0, sizeof *image);
    if (fstat(fd, &st) != 0)
        image_fail(path, "cannot stat: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        image_fail(path, "not a regular file");
    image->file_size = (uint64_t)st.st_size;

    memset(&eh, 0, sizeof eh);
    ssize_t got = elf_pread(fd, &eh, sizeof eh, 0);
    if (got < 0)
        image_fail(path, "cannot read: %s", strerror(errno));
    check_ehdr(path, &eh, got);

    size_t ph_bytes = (size_t)eh.e_phnum * sizeof(Elf64_Phdr);
    if (eh.e_phoff > image->file_size || ph_bytes > image->file_size - eh.e_phoff)
        image_fail(path, "truncated ELF file: program headers (offset 0x%" PRIx64
                   ") end past the end of the file", eh.e_phoff);
    if (elf_pread(fd, ph, ph_bytes, eh.e_phoff) != (ssize_t)ph_bytes)
        image_fail(path, "cannot read the program headers: %s",
                   errno ? strerror(errno) : "file changed while reading");

    for (unsigned i = 0; i < eh.e_phnum; i++) {
        if (ph[i].p_type == PT_NOTE)
            add_note(path, image, i, &ph[i]);
        else if (ph[i].p_type == PT_LOAD && ph[i].p_memsz != 0)
            add_load(path, min_base, image, i, &ph[i]);
    }
    if (image->nsegments == 0)
        image_fail(path, "no loadable segment");

    image->entry = eh.e_entry;
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        if ((s->prot & PROT_EXEC) && eh.e_entry >= s->vaddr &&
            eh.e_entry - s->vaddr < s->memsz)
            return;
    }
    image_fail(path, "entry point 0x%" PRIx64 " is not in an executable segment",
               eh.e_entry);
}

void elf_check_fits(const char *path, const struct elf_image *image,
                    uint64_t mem_size)
{
    if (image->end > mem_size)
        image_fail(path, "the image needs 0x%" PRIx64 " bytes of address space "
                   "but guest memory is 0x%" PRIx64 " bytes: raise --mem",
                   image->end, mem_size);
}

void elf_load(int fd, const char *path, const struct elf_image *image,
              uint8_t *mem, uint64_t mem_size)
{
    elf_check_fits(path, image, mem_size);
    for (unsigned i = 0; i < image->nsegments; i++) {
        const struct elf_segment *s = &image->segments[i];
        /* Integer sums: on spt, mem is address 0 itself. */
        uint8_t *dst = (uint8_t *)((uintptr_t)mem + s->vaddr);
        ssize_t got = elf_pread(fd, dst, s->filesz, s->offset);
        if (got != (ssize_t)s->filesz)
            image_fail(path, "cannot read segment at 0x%" PRIx64 ": %s", s->vaddr,
                       got < 0 ? strerror(errno) : "file shrank while loading");
        memset(dst + s->filesz, 0, s->memsz - s->filesz);
    }
}
