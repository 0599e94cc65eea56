/*
 * Kiln boot shim: what the common code (boot/common) asks of the
 * architecture, x86_64 here. boot/common/boot.h includes it (every
 * platform's shim has boot/<arch>/ on its include path); another
 * architecture gives the same names in its boot/<arch>/arch.h.
 */
#ifndef KILN_ARCH_H
#define KILN_ARCH_H

#include <stddef.h>

/*
 * TLS, x86_64 variant II (tls.c): the thread control block follows the
 * thread pointer: tp+0 points to itself (%fs:0 reads it), and tp+0x28
 * holds a copy of the canary, where code built with gcc's default
 * -mstack-protector-guard=tls looks for it; so such code works too, once
 * TLS is set up (the shim itself uses the global guard).
 */
#define KILN_TCB_SIZE 48
#define KILN_TCB_CANARY_OFFSET 0x28

/* Copy n quadwords: one instruction, whose iterations count on hvt. */
static inline void kiln_memcpy_qwords(void *dst, const void *src, size_t n)
{
    __asm__ __volatile__("rep movsq"
                         : "+D"(dst), "+S"(src), "+c"(n)
                         :
                         : "memory");
}

/* Zero n quadwords: one instruction, as above. */
static inline void kiln_zero_qwords(void *dst, size_t n)
{
    __asm__ __volatile__("rep stosq"
                         : "+D"(dst), "+c"(n)
                         : "a"(0UL)
                         : "memory");
}

/*
 * Ordering of memory shared with a device (virtio rings). x86 keeps stores
 * in program order and loads in program order, so those two need only stop
 * the compiler; a store then a load needs mfence.
 */
static inline void kiln_barrier_store(void)
{
    __asm__ __volatile__("" ::: "memory");
}

static inline void kiln_barrier_load(void)
{
    __asm__ __volatile__("" ::: "memory");
}

static inline void kiln_barrier_full(void)
{
    __asm__ __volatile__("mfence" ::: "memory");
}

#endif /* KILN_ARCH_H */
