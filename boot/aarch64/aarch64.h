/*
 * Kiln boot shim, aarch64: what the shared aarch64 guest code
 * (boot/aarch64) provides the platforms whose guest runs at EL1 (virtio's
 * virt board).
 */
#ifndef KILN_AARCH64_H
#define KILN_AARCH64_H

#include <stdint.h>

/* ---- Exceptions (vectors.S, trap.c) -------------------------------- */

/*
 * What vectors.S saves of the interrupted state, in this order: the trap
 * handler's view and the layout of the halt cookie.
 */
struct aarch64_trap_frame {
    uint64_t x[31];   /* x0..x30 (x29 the frame pointer, x30 the link) */
    uint64_t sp;      /* the interrupted code's stack pointer          */
    uint64_t elr;     /* where it was: ELR_EL1                         */
    uint64_t spsr;    /* its PSTATE: SPSR_EL1                          */
    uint64_t esr;     /* the syndrome: ESR_EL1                         */
    uint64_t far;     /* the faulting address (aborts): FAR_EL1        */
    uint64_t vector;  /* which of the 16 vectors, 0..15                */
    uint64_t pad;     /* the frame is a multiple of 16 bytes           */
};

/*
 * Install the vector table (VBAR_EL1) and an exception stack of its own
 * (SP_EL1), and move the caller to SP_EL0 (EL1t): an exception taken on a
 * stack that overflowed into its guard still has a stack to report on.
 * Call from the entry, with sp the boot stack; on return sp is the same
 * address, in SP_EL0.
 */
void aarch64_trap_init(void);

/*
 * An exception the shim expects and resumes from: if the handler returns
 * nonzero, vectors.S resumes the frame (with its changes) instead of
 * reporting a fault. The platform sets it (a failed semihosting call, say).
 */
extern int (*aarch64_trap_resume_hook)(struct aarch64_trap_frame *f);

/* ---- Memory (mmu.c) ------------------------------------------------ */

enum aarch64_map_kind {
    AARCH64_MAP_DEVICE,   /* Device-nGnRnE, read-write, never executed  */
    AARCH64_MAP_RW,       /* normal cached, read-write, never executed  */
    AARCH64_MAP_RO,       /* normal cached, read-only, never executed   */
    AARCH64_MAP_RX,       /* normal cached, read-only, executable       */
};

/*
 * Identity-map [start, end) (page aligned) as kind, in the tables the MMU
 * will use: 2 MiB blocks where the range allows, 4 KiB pages elsewhere.
 * Ranges must not overlap; anything never mapped faults. Fatal when the
 * table pool runs out or a range is above the 512 GiB the tables cover.
 */
void aarch64_map(uint64_t start, uint64_t end, enum aarch64_map_kind kind);

/* Turn the MMU and the caches on with those tables (identity mapped). */
void aarch64_mmu_enable(void);

/* ---- Generic timer (generic_timer.c) ------------------------------- */

/* Remember the counter at boot: monotonic time counts from here. */
void aarch64_clock_init(void);

/* Nanoseconds since aarch64_clock_init, from CNTVCT_EL0 and CNTFRQ_EL0. */
uint64_t aarch64_clock_ns(void);

#endif /* KILN_AARCH64_H */
