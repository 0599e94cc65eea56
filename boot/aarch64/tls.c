/*
 * Kiln boot shim, aarch64: thread-local storage (solo5_tls_*), variant I.
 *
 * A TLS block is the thread control block (KILN_TCB_SIZE bytes, arch.h;
 * nothing in it is read) followed by the TLS image (.tdata copied, .tbss
 * zeroed); the thread pointer is the block's start:
 *
 *     tls = tp                  tp + KILN_TCB_SIZE
 *     | TCB (unused)            | .tdata copy | .tbss zeroed | pad |
 *
 * The compiler addresses variables at positive offsets from TPIDR_EL0,
 * the linker computes them from the same layout. As on x86_64 the linker
 * script stores .tbss as zeros and pads the image to KILN_TLS_ALIGN, so
 * initialising is one copy of whole quadwords.
 */
#include "boot.h"

_Static_assert(KILN_TCB_SIZE == KILN_TLS_ALIGN,
               "the TLS image starts at tp + ALIGN(16, its alignment)");

size_t solo5_tls_size(void)
{
    return (size_t)__kiln_tls_size + KILN_TCB_SIZE;
}

uintptr_t solo5_tls_tp_offset(uintptr_t tls)
{
    return tls;
}

solo5_result_t solo5_tls_init(uintptr_t tls)
{
    if (tls == 0)
        return SOLO5_R_EINVAL;
    uint64_t *tcb = (uint64_t *)tls;
    for (size_t i = 0; i < KILN_TCB_SIZE / 8; i++)
        tcb[i] = 0;
    kiln_memcpy_qwords((void *)(tls + KILN_TCB_SIZE), __kiln_tls_image,
                       (size_t)__kiln_tls_size / 8);
    return SOLO5_R_OK;
}

uintptr_t kiln_tls_init_zeroed(uintptr_t tls)
{
    /* Only .tdata has non-zero bytes; round up into the zeros that follow. */
    kiln_memcpy_qwords((void *)(tls + KILN_TCB_SIZE), __kiln_tls_image,
                       ((size_t)__kiln_tdata_size + 7) / 8);
    return tls;
}

solo5_result_t solo5_set_tls_base(uintptr_t base)
{
    return platform_set_tls_base(base) == 0 ? SOLO5_R_OK : SOLO5_R_EINVAL;
}
