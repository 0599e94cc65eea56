/*
 * elf_image.h: reading a Solo5-ABI unikernel image (ELF64, x86_64, ET_EXEC).
 *
 * elf_read() checks the whole program header table before anything is
 * loaded: every offset and size in the file is treated as hostile. The
 * tender then checks the image against its memory size (elf_check_fits),
 * loads it (elf_load) and applies each segment's protection itself, from
 * the segment list.
 */
#ifndef KILN_TENDER_ELF_H
#define KILN_TENDER_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* ssize_t */

/* Limits that no real image comes near; they bound the work a hostile one can ask for. */
#define ELF_MAX_PHDRS 64
#define ELF_MAX_SEGMENTS 16
#define ELF_MAX_NOTES 16

/* The page size the loader aligns protections to. */
#define ELF_PAGE_SIZE 0x1000UL

/* Segment permissions, as PROT_* values. */
struct elf_segment {
    uint64_t vaddr;    /* p_vaddr: also the guest physical address         */
    uint64_t memsz;    /* p_memsz                                          */
    uint64_t filesz;   /* p_filesz                                         */
    uint64_t offset;   /* p_offset                                         */
    uint64_t start;    /* p_vaddr aligned down to p_align (page aligned)   */
    uint64_t end;      /* p_vaddr + p_memsz aligned up to p_align (page aligned) */
    int prot;          /* PROT_READ / PROT_WRITE / PROT_EXEC from p_flags  */
};

struct elf_note_segment {
    uint64_t offset;   /* p_offset */
    uint64_t filesz;   /* p_filesz */
    uint64_t align;    /* p_align  */
};

struct elf_image {
    uint64_t file_size;
    uint64_t entry;           /* e_entry, inside an executable segment      */
    uint64_t end;             /* first byte after the highest segment       */
    unsigned nsegments;
    struct elf_segment segments[ELF_MAX_SEGMENTS]; /* ascending, disjoint   */
    unsigned nnotes;
    struct elf_note_segment notes[ELF_MAX_NOTES];
};

/*
 * Read and check the ELF header and program headers of fd (path is for
 * messages). Segments must start at or above min_base. Exits with
 * "<tender>: <path>: <what is wrong>" on any problem.
 */
void elf_read(int fd, const char *path, uint64_t min_base,
              struct elf_image *image);

/*
 * Read len bytes of fd at offset, retrying short reads and EINTR. Returns
 * the bytes read (fewer only at the end of the file) or -1 with errno set.
 */
ssize_t elf_pread(int fd, void *buf, size_t len, uint64_t offset);

/* What elf_find_note looks for. */
struct elf_note_query {
    const char *owner;   /* note name without its NUL: "Solo5", "Kiln"      */
    uint32_t type;       /* n_type: ABI1_NOTE_TYPE ...                      */
    size_t desc_offset;  /* payload offset from the note's start (20 for
                            ABI1 and STK1, 24 for MFT1; n_descsz counts any
                            padding before it)                              */
    size_t min_size;     /* payload size bounds, bytes                      */
    size_t max_size;
};

/*
 * Find the note the query names. On success returns true with a malloc'd
 * copy of the payload in *payload and its size in *size. Returns false when
 * there is no such note; exits if the note is malformed or its payload is
 * not between min_size and max_size bytes.
 */
bool elf_find_note(int fd, const char *path, const struct elf_image *image,
                   const struct elf_note_query *query, void **payload,
                   size_t *size);

/* Exit with a message unless every segment and the entry lie below mem_size. */
void elf_check_fits(const char *path, const struct elf_image *image,
                    uint64_t mem_size);

/*
 * Copy each segment's file bytes to mem + p_vaddr and zero the rest of it.
 * mem is the host address of guest address 0, mem_size its size.
 */
void elf_load(int fd, const char *path, const struct elf_image *image,
              uint8_t *mem, uint64_t mem_size);

#endif /* KILN_TENDER_ELF_H */
