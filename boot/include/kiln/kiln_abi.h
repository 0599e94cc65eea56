/*
 * Kiln image ABI: what a Kiln image tells Kiln's tenders beyond Solo5's ABI,
 * and the memory layout both sides derive from it.
 *
 * Shared by the guest (boot/common) and the tenders (boot/tender,
 * boot/<platform>/tender); freestanding, nothing here depends on either.
 *
 * The stack note. A Kiln image carries one extra ELF note, in a PT_NOTE
 * program header of its own:
 *
 *     owner "Kiln", type KILN_STK1_NOTE_TYPE ("STK1"), 4-byte aligned,
 *     descriptor struct kiln_stk1_info (8 bytes) at offset 20.
 *
 * It declares how much memory at the top of guest memory the stack may use
 * and how much below that is a guard. A Kiln tender leaves the guard
 * inaccessible to the guest (kiln-hvt: not present in the guest's page
 * tables; kiln-spt: PROT_NONE), so a stack that outgrows its reserve stops
 * with a guest fault instead of silently overwriting the heap.
 *
 * Compatibility both ways:
 *   - Solo5's tenders look only at notes owned by "Solo5" (they skip a note
 *     whose name size is not 6) and so ignore this one: a Kiln image runs
 *     there as before, with the same layout but no guard enforced.
 *   - An image without the note (a Solo5 image) gets no guard from Kiln's
 *     tenders: its memory is laid out as Solo5's tenders lay it out.
 *
 * Layout of guest memory (addresses grow upwards), which the tenders and the
 * guest's start-up both compute with kiln_stack_layout_for() below:
 *
 *     image, TLS, heap            ... up to guard_start
 *     guard                       [guard_start, stack_bottom)  guard_size bytes
 *     stack                       [stack_bottom, mem_size)     stack_size bytes
 *     mem_size                    the initial stack pointer is mem_size - 8
 */
#ifndef KILN_KILN_ABI_H
#define KILN_KILN_ABI_H

#include <stddef.h>
#include <stdint.h>

/* Owner name of Kiln's own notes, NUL included (5 bytes, padded to 8). */
#define KILN_NOTE_NAME "Kiln"

/* ELF note type of the stack note: the bytes "STK1" read as a little-endian u32. */
#define KILN_STK1_NOTE_TYPE 0x314b5453

/* Sizes in the stack note are multiples of this. */
#define KILN_STACK_PAGE_SIZE 4096U

/* Largest stack_size + guard_size a tender accepts (it must fit in a u32). */
#define KILN_STACK_MAX 0x80000000U

/* The guard a Kiln image asks for, unless its build says otherwise. */
#ifndef KILN_STACK_GUARD_SIZE
#define KILN_STACK_GUARD_SIZE (64U * 1024U)
#endif

/*
 * ELF note header of Kiln's notes: three u32 (name size 5, descriptor size,
 * type) then the owner name padded to 8 bytes, 20 bytes in all.
 */
struct kiln_nhdr {
    uint32_t n_namesz;  /* sizeof(KILN_NOTE_NAME) = 5                       */
    uint32_t n_descsz;  /* bytes of the descriptor after the header         */
    uint32_t n_type;    /* KILN_STK1_NOTE_TYPE                              */
    char n_name[8];     /* "Kiln", NUL-padded to a multiple of 4            */
};
_Static_assert(sizeof(struct kiln_nhdr) == 20, "kiln_nhdr is 20 bytes");

/* Descriptor of the stack note: 8 bytes, 4-byte aligned (so it starts at 20). */
struct kiln_stk1_info {
    uint32_t stack_size; /* bytes below mem_size kept for the stack: a
                            KILN_STACK_PAGE_SIZE multiple, not 0           */
    uint32_t guard_size; /* bytes below the stack kept inaccessible: a
                            KILN_STACK_PAGE_SIZE multiple, 0 for none      */
};

struct kiln_stk1_note {
    struct kiln_nhdr h;
    struct kiln_stk1_info i;
};
_Static_assert(offsetof(struct kiln_stk1_note, i) == 20, "STK1 descriptor at 20");
_Static_assert(sizeof(struct kiln_stk1_note) == 28, "kiln_stk1_note is 28 bytes");

/* Where the descriptor starts, and its size (n_descsz). */
#define KILN_STK1_DESC_OFFSET offsetof(struct kiln_stk1_note, i)
#define KILN_STK1_DESC_SIZE sizeof(struct kiln_stk1_info)

/* Guest memory at the top, as the stack note lays it out. */
struct kiln_stack_layout {
    uint64_t guard_start;  /* first byte of the guard; the heap ends here   */
    uint64_t stack_bottom; /* first byte of the stack = end of the guard    */
    uint64_t stack_top;    /* mem_size: the stack grows down from here      */
};

/*
 * NULL if info is well formed, else what is wrong with it (for a message).
 */
static inline const char *kiln_stk1_check(const struct kiln_stk1_info *info)
{
    if (info->stack_size == 0)
        return "stack size 0";
    if ((info->stack_size | info->guard_size) % KILN_STACK_PAGE_SIZE != 0)
        return "stack or guard size not a multiple of 4 KiB";
    if (info->stack_size > KILN_STACK_MAX ||
        info->guard_size > KILN_STACK_MAX - info->stack_size)
        return "stack and guard larger than 2 GiB";
    return NULL;
}

/*
 * Fill *l for guest memory of mem_size bytes (a KILN_STACK_PAGE_SIZE
 * multiple) and a checked info. Returns 0, or -1 if the stack and guard
 * alone do not fit in mem_size (then *l is untouched).
 */
static inline int kiln_stack_layout_for(uint64_t mem_size,
                                        const struct kiln_stk1_info *info,
                                        struct kiln_stack_layout *l)
{
    uint64_t top = (uint64_t)info->stack_size + info->guard_size;

    if (top > mem_size)
        return -1;
    l->stack_top = mem_size;
    l->stack_bottom = mem_size - info->stack_size;
    l->guard_start = mem_size - top;
    return 0;
}

#endif /* KILN_KILN_ABI_H */
