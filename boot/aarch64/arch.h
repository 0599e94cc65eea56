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

#endif /* KILN_ARCH_H */
