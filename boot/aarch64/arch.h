/*
 * Kiln boot shim: what the common code (boot/common) asks of the
 * architecture, aarch64 here (boot/x86_64/arch.h gives the same names).
 */
#ifndef KILN_ARCH_H
#define KILN_ARCH_H

#include <stddef.h>
#include <stdint.h>

/*
 * TLS, aarch64 variant I (tls.c): the thread pointer (TPIDR_EL0) points to
 * a 16-byte thread control block, and the TLS image follows it at
 * tp + KILN_TCB_SIZE: the linker puts the first variable at
 * ALIGN(16, the TLS segment's alignment), and the linker script aligns
 * that segment to KILN_TLS_ALIGN (64), so the block starts 64 bytes up.
 * The canary is not in the TCB: aarch64 code reads __stack_chk_guard
 * (gcc's default there, and -mstack-protector-guard=global everywhere).
 */
#define KILN_TCB_SIZE 64

/* Copy n quadwords (the shim has no memcpy of its own). */
static inline void kiln_memcpy_qwords(void *dst, const void *src, size_t n)
{
    uint64_t *d = dst;
    const uint64_t *s = src;

    while (n-- > 0)
        *d++ = *s++;
}

/* Zero n quadwords. */
static inline void kiln_zero_qwords(void *dst, size_t n)
{
    uint64_t *d = dst;

    while (n-- > 0)
        *d++ = 0;
}

/*
 * Ordering of memory shared with a device (virtio rings): Arm reorders
 * stores with stores and loads with loads, so each needs a barrier (the
 * ones Linux's virt_wmb and virt_rmb use); the full one also orders the
 * ring's stores before a device register's (the notify), hence sy.
 */
static inline void kiln_barrier_store(void)
{
    __asm__ __volatile__("dmb ishst" ::: "memory");
}

static inline void kiln_barrier_load(void)
{
    __asm__ __volatile__("dmb ishld" ::: "memory");
}

static inline void kiln_barrier_full(void)
{
    __asm__ __volatile__("dmb sy" ::: "memory");
}

#endif /* KILN_ARCH_H */
