/*
 * Kiln boot shim, x86_64: thread-local storage (solo5_tls_*), variant II.
 *
 * A TLS block is the TLS image (.tdata copied, .tbss zeroed) followed by the
 * thread control block (boot.h), whose first word points to itself; the
 * thread pointer (%fs base) is the address of that word:
 *
 *     tls                                 tp = tls + __kiln_tls_size
 *     | .tdata copy | .tbss zeroed | pad  | self pointer | ... | canary |
 *
 * The linker script stores the whole TLS image in the file, .tbss as zero
 * bytes, padded to a multiple of KILN_TLS_ALIGN (see __kiln_tls_size), and
 * aligns it to KILN_TLS_ALIGN; so initialising a block is one copy of whole
 * quadwords (no separate zeroing: on an emulating KVM every iteration
 * counts), and a block allocated on a KILN_TLS_ALIGN boundary gives every
 * __thread variable its alignment. The compiler addresses variables at
 * negative offsets from tp, computed by the linker from the same layout.
 */
#include "boot.h"

static void tcb_init(uintptr_t tp)
{
    *(uintptr_t *)tp = tp;
    *(uintptr_t *)(tp + KILN_TCB_CANARY_OFFSET) = __stack_chk_guard;
}

size_t solo5_tls_size(void)
{
    return (size_t)__kiln_tls_size + KILN_TCB_SIZE;
}

uintptr_t solo5_tls_tp_offset(uintptr_t tls)
{
    return tls + (uintptr_t)__kiln_tls_size;
}

solo5_result_t solo5_tls_init(uintptr_t tls)
{
    if (tls == 0)
        return SOLO5_R_EINVAL;
    kiln_memcpy_qwords((void *)tls, __kiln_tls_image,
                       (size_t)__kiln_tls_size / 8);
    tcb_init(solo5_tls_tp_offset(tls));
    return SOLO5_R_OK;
}

uintptr_t kiln_tls_init_zeroed(uintptr_t tls)
{
    /* Only .tdata has non-zero bytes; round up into the zeros that follow. */
    kiln_memcpy_qwords((void *)tls, __kiln_tls_image,
                       ((size_t)__kiln_tdata_size + 7) / 8);
    uintptr_t tp = solo5_tls_tp_offset(tls);
    tcb_init(tp);
    return tp;
}

solo5_result_t solo5_set_tls_base(uintptr_t base)
{
    return platform_set_tls_base(base) == 0 ? SOLO5_R_OK : SOLO5_R_EINVAL;
}
