/* Kiln runtime: the allocator, a two-level segregated fit (TLSF) heap.
 *
 * Free blocks are kept in size classes: a first level by power of two and a
 * second level splitting each power of two into 32 linear steps, with a
 * bitmap per level, so finding a fitting block, splitting it and coalescing
 * on free are all O(1) and fragmentation stays bounded.
 *
 * Every block starts with a 16-byte header right before its payload:
 *
 *   word 0  prev: when PREV_FREE is set, the address of the physically
 *           previous block (it is free); otherwise a canary derived from
 *           this header's address, so a linear overflow out of the previous
 *           block is caught when either block is freed.
 *   word 1  size: payload bytes (a multiple of 16) | FREE | PREV_FREE, with
 *           a 16-bit magic derived from the header address in bits 48-63.
 *
 * Free blocks keep their free-list links in the first 16 payload bytes.
 * Each region ends with a zero-size, always-used sentinel block, so the
 * physically next block always exists. Payloads are 16-byte aligned.
 *
 * The statistics (mallinfo2, malloc_stats in stats.c) are counted as blocks
 * change hands: the payload bytes and blocks in use and their peak; the
 * free ones are counted from the free lists when asked. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal/libc.h"
#include "malloc/tlsf.h"

#define ALIGN 16u
#define HDR 16u
#define MIN_PAYLOAD 16u
#define SL_LOG2 5
#define SL_COUNT (1u << SL_LOG2)
#define FL_SHIFT (SL_LOG2 + 4) /* below 2^FL_SHIFT: linear classes of 16 */
#define SMALL_LIMIT ((size_t)1 << FL_SHIFT)
#define FL_COUNT 40 /* block sizes below 2^(FL_SHIFT + FL_COUNT - 1) */
#define MAX_REQUEST ((size_t)1 << 46)

#define FREE_BIT ((uintptr_t)1)
#define PREV_FREE_BIT ((uintptr_t)2)
#define SIZE_MASK ((((uintptr_t)1 << 48) - 1) & ~(uintptr_t)15)

struct block {
	uintptr_t prev;
	uintptr_t size;
	struct block *next_free; /* only while free */
	struct block *prev_free;
};

static uint64_t fl_bitmap;
static uint32_t sl_bitmap[FL_COUNT];
static struct block *heads[FL_COUNT][SL_COUNT];
static uintptr_t heap_lo = UINTPTR_MAX, heap_hi;
static struct __malloc_counts counts;

/* The payload bytes of in-use blocks changed by delta (may be negative). */
static inline void count_in_use(ptrdiff_t delta)
{
	counts.in_use_bytes += (size_t)delta;
	if (counts.in_use_bytes > counts.peak_in_use_bytes)
		counts.peak_in_use_bytes = counts.in_use_bytes;
}

static inline uintptr_t magic_of(const struct block *b)
{
	return (uintptr_t)(0x6b6cu ^ (((uintptr_t)b >> 4) & 0xffffu)) << 48;
}

static inline uintptr_t canary_of(const struct block *b)
{
	return (uintptr_t)b ^ (uintptr_t)0x6b696c6e2d68656cULL;
}

static inline size_t size_of(const struct block *b)
{
	return b->size & SIZE_MASK;
}

static inline void set_header(struct block *b, size_t size, uintptr_t flags)
{
	b->size = size | flags | magic_of(b);
}

static inline void *payload_of(struct block *b)
{
	return (char *)b + HDR;
}

static inline struct block *block_of(void *p)
{
	return (struct block *)((char *)p - HDR);
}

static inline struct block *next_of(struct block *b)
{
	return (struct block *)((char *)b + HDR + size_of(b));
}

static inline int fls_size(size_t x)
{
	return 63 - __builtin_clzll(x);
}

static inline void mapping(size_t size, unsigned *fl, unsigned *sl)
{
	if (size < SMALL_LIMIT) {
		*fl = 0;
		*sl = (unsigned)(size / ALIGN);
	} else {
		int f = fls_size(size);
		*sl = (unsigned)(size >> (f - SL_LOG2)) ^ SL_COUNT;
		*fl = (unsigned)(f - FL_SHIFT + 1);
	}
}

static void list_insert(struct block *b)
{
	unsigned fl, sl;
	mapping(size_of(b), &fl, &sl);
	b->prev_free = NULL;
	b->next_free = heads[fl][sl];
	if (b->next_free)
		b->next_free->prev_free = b;
	heads[fl][sl] = b;
	fl_bitmap |= (uint64_t)1 << fl;
	sl_bitmap[fl] |= 1u << sl;
}

static void list_remove(struct block *b)
{
	unsigned fl, sl;
	mapping(size_of(b), &fl, &sl);
	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
	if (b->prev_free) {
		b->prev_free->next_free = b->next_free;
	} else {
		heads[fl][sl] = b->next_free;
		if (!heads[fl][sl]) {
			sl_bitmap[fl] &= ~(1u << sl);
			if (!sl_bitmap[fl])
				fl_bitmap &= ~((uint64_t)1 << fl);
		}
	}
}

/* A free block of at least size bytes, or NULL: round the request up to
 * the next class boundary so any block of the class found fits. */
static struct block *find_fit(size_t size)
{
	unsigned fl, sl;
	uint32_t sl_map;
	uint64_t fl_map;

	if (size >= SMALL_LIMIT)
		size += ((size_t)1 << (fls_size(size) - SL_LOG2)) - 1;
	mapping(size, &fl, &sl);
	if (fl >= FL_COUNT)
		return NULL;
	sl_map = sl_bitmap[fl] & (~0u << sl);
	if (!sl_map) {
		fl_map = fl + 1 < 64 ? fl_bitmap & (~(uint64_t)0 << (fl + 1)) : 0;
		if (!fl_map)
			return NULL;
		fl = (unsigned)__builtin_ctzll(fl_map);
		sl_map = sl_bitmap[fl];
	}
	sl = (unsigned)__builtin_ctz(sl_map);
	return heads[fl][sl];
}

static inline void mark_next_used(struct block *b)
{
	struct block *n = next_of(b);
	n->size &= ~PREV_FREE_BIT;
	n->prev = canary_of(n);
}

static inline void mark_next_free(struct block *b)
{
	struct block *n = next_of(b);
	n->size |= PREV_FREE_BIT;
	n->prev = (uintptr_t)b;
}

static _Noreturn void heap_error(const char *fn, const char *what, void *p)
{
	static char msg[96];
	size_t f = strlen(fn), w = strlen(what);

	memcpy(msg, fn, f);
	memcpy(msg + f, what, w + 1);
	__libc_fatal_ptr(msg, p);
}

static inline int header_ok(const struct block *b)
{
	return (b->size & ~SIZE_MASK & ~(FREE_BIT | PREV_FREE_BIT)) == magic_of(b);
}

/* Check the header of an in-use block handed back by the application and
 * of its physical neighbour; name the pointer in the message on failure. */
static struct block *checked_block(void *p, const char *fn)
{
	struct block *b = block_of(p);
	struct block *n;

	if ((uintptr_t)p & (ALIGN - 1) || (uintptr_t)b < heap_lo ||
	    (uintptr_t)p >= heap_hi || !header_ok(b))
		heap_error(fn, ": invalid pointer", p);
	if (b->size & FREE_BIT)
		heap_error(fn, ": double free of", p);
	if (!(b->size & PREV_FREE_BIT) && b->prev != canary_of(b))
		heap_error(fn, ": heap corruption before", p);
	n = next_of(b);
	if ((uintptr_t)n >= heap_hi || !header_ok(n) ||
	    (n->size & PREV_FREE_BIT) || n->prev != canary_of(n))
		heap_error(fn, ": heap overflow past the end of", p);
	return b;
}

/* Make the in-use block b free: coalesce with free neighbours, file it. */
static void release(struct block *b)
{
	struct block *n = next_of(b);

	/* Mark the header free before it may vanish into a neighbour, so a
	 * second free() of the same pointer still sees FREE. */
	b->size |= FREE_BIT;
	if (b->size & PREV_FREE_BIT) {
		struct block *p = (struct block *)b->prev;
		if ((uintptr_t)p < heap_lo || p >= b || next_of(p) != b ||
		    !(p->size & FREE_BIT))
			__libc_fatal_ptr("malloc: heap corruption (bad back link) at", payload_of(b));
		list_remove(p);
		set_header(p, size_of(p) + HDR + size_of(b), FREE_BIT | (p->size & PREV_FREE_BIT));
		b = p;
	}
	if (n->size & FREE_BIT) {
		list_remove(n);
		set_header(b, size_of(b) + HDR + size_of(n), FREE_BIT | (b->size & PREV_FREE_BIT));
	}
	mark_next_free(b);
	list_insert(b);
}

/* Cut the in-use block b down to size bytes if the rest can form a block;
 * the rest is released (and merged with a free successor). */
static void trim(struct block *b, size_t size)
{
	size_t have = size_of(b);
	struct block *r;

	if (have < size + HDR + MIN_PAYLOAD)
		return;
	set_header(b, size, b->size & PREV_FREE_BIT);
	r = next_of(b);
	r->prev = canary_of(r);
	set_header(r, have - size - HDR, 0);
	release(r);
}

static inline size_t request_size(size_t n)
{
	return n < MIN_PAYLOAD ? MIN_PAYLOAD : (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void __malloc_add_region(void *base, size_t size)
{
	uintptr_t start = ((uintptr_t)base + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
	uintptr_t end = ((uintptr_t)base + size) & ~(uintptr_t)(ALIGN - 1);
	struct block *b, *sentinel;

	if (end <= start || end - start < 2 * HDR + MIN_PAYLOAD)
		return;
	if (end - start > ((size_t)1 << 47))
		end = start + ((size_t)1 << 47);
	b = (struct block *)start;
	b->prev = canary_of(b);
	set_header(b, end - start - 2 * HDR, FREE_BIT);
	sentinel = next_of(b);
	set_header(sentinel, 0, PREV_FREE_BIT);
	sentinel->prev = (uintptr_t)b;
	list_insert(b);
	counts.heap_bytes += end - start;
	if (start < heap_lo)
		heap_lo = start;
	if (end > heap_hi)
		heap_hi = end;
}

/* Take the heap the start-up code kept (once, on the first allocation). */
static int heap_taken;

static void take_heap(void)
{
	heap_taken = 1;
	__malloc_add_region((void *)__libc_heap_start, __libc_heap_size);
}

/* malloc's body; the allocator's own callers use it directly, so the
 * compiler's reasoning about malloc's result (no header before it) does
 * not apply to their header arithmetic. */
static struct block *alloc_block(size_t n)
{
	struct block *b;
	size_t size;

	if (__builtin_expect(!heap_taken, 0))
		take_heap();
	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	size = request_size(n);
	b = find_fit(size);
	if (!b) {
		errno = ENOMEM;
		return NULL;
	}
	list_remove(b);
	set_header(b, size_of(b), b->size & PREV_FREE_BIT);
	mark_next_used(b);
	trim(b, size);
	count_in_use((ptrdiff_t)size_of(b));
	counts.in_use_blocks++;
	return b;
}

void *malloc(size_t n)
{
	struct block *b = alloc_block(n);
	return b ? payload_of(b) : NULL;
}

void free(void *p)
{
	struct block *b;

	if (!p)
		return;
	b = checked_block(p, "free()");
	count_in_use(-(ptrdiff_t)size_of(b));
	counts.in_use_blocks--;
	release(b);
}

void *realloc(void *p, size_t n)
{
	struct block *b, *next, *a;
	size_t size, old;

	if (!p)
		return malloc(n);
	b = checked_block(p, "realloc()");
	if (__builtin_expect(!heap_taken, 0))
		take_heap();
	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	size = request_size(n);
	old = size_of(b);
	if (size <= old) {
		trim(b, size);
		count_in_use((ptrdiff_t)size_of(b) - (ptrdiff_t)old);
		return p;
	}
	/* Grow in place into a free successor when it is large enough. */
	next = next_of(b);
	if ((next->size & FREE_BIT) && size_of(b) + HDR + size_of(next) >= size) {
		list_remove(next);
		set_header(b, size_of(b) + HDR + size_of(next), b->size & PREV_FREE_BIT);
		mark_next_used(b);
		trim(b, size);
		count_in_use((ptrdiff_t)size_of(b) - (ptrdiff_t)old);
		return p;
	}
	a = alloc_block(n);
	if (!a)
		return NULL;
	memcpy(payload_of(a), p, size_of(b));
	count_in_use(-(ptrdiff_t)size_of(b));
	counts.in_use_blocks--;
	release(b);
	return payload_of(a);
}

void *__aligned_malloc(size_t align, size_t n)
{
	struct block *b, *a;
	uintptr_t p, aligned;
	size_t size;

	if (align <= ALIGN)
		return malloc(n);
	if (align & (align - 1) || n > MAX_REQUEST || align > MAX_REQUEST) {
		errno = align & (align - 1) ? EINVAL : ENOMEM;
		return NULL;
	}
	size = request_size(n);
	b = alloc_block(size + align + HDR + MIN_PAYLOAD);
	if (!b)
		return NULL;
	p = (uintptr_t)payload_of(b);
	aligned = (p + align - 1) & ~(uintptr_t)(align - 1);
	if (aligned == p)
		return (void *)p;
	/* The block counted is b, whole; what stays in use is a. */
	count_in_use(-(ptrdiff_t)size_of(b));
	/* The gap before the aligned address must be able to hold a free
	 * block; if it cannot, use the next aligned address. */
	if (aligned - p < HDR + MIN_PAYLOAD)
		aligned += align;
	a = block_of((void *)aligned);
	set_header(a, size_of(b) - (aligned - p), 0);
	set_header(b, aligned - p - HDR, b->size & PREV_FREE_BIT);
	a->prev = canary_of(a);
	release(b); /* marks a PREV_FREE */
	trim(a, size);
	count_in_use((ptrdiff_t)size_of(a));
	return (void *)aligned;
}

size_t malloc_usable_size(void *p)
{
	return p ? size_of(checked_block(p, "malloc_usable_size()")) : 0;
}

void __malloc_counts(struct __malloc_counts *c)
{
	unsigned fl, sl;
	const struct block *b;

	if (__builtin_expect(!heap_taken, 0))
		take_heap();
	*c = counts;
	c->free_bytes = c->free_blocks = 0;
	for (fl = 0; fl < FL_COUNT; fl++)
		for (sl = 0; sl < SL_COUNT; sl++)
			for (b = heads[fl][sl]; b; b = b->next_free) {
				c->free_bytes += size_of(b);
				c->free_blocks++;
			}
}
