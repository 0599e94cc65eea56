/*
 * Kiln boot shim, aarch64: kiln_entropy64 (kiln/entropy.h).
 *
 * RNDR (FEAT_RNG, ID_AA64ISAR0_EL1.RNDR, bits 63:60) where the CPU has it
 * (QEMU's -cpu max does; cortex-a57 does not): a DRBG reseeded from the
 * hardware source. Otherwise a hash of the generic timer's counter.
 * ID_AA64ISAR0_EL1 is readable at EL1 (the shim's level on every aarch64
 * platform Kiln has).
 */
#include "kiln/entropy.h"
#include "cpu.h"

#define RNDR_TRIES 10

enum cpu_rng { RNG_UNKNOWN, RNG_NONE, RNG_RNDR };

static enum cpu_rng cpu_rng;

/* RNDR, s3_3_c2_c4_0; sets the Z flag (NZCV = 0b0100) when it failed. */
static int rndr(uint64_t *out)
{
    uint64_t v, nzcv;
    __asm__ __volatile__("mrs %0, s3_3_c2_c4_0\n\tmrs %1, nzcv"
                         : "=r"(v), "=r"(nzcv));
    *out = v;
    return (nzcv & (1UL << 30)) == 0;
}

int kiln_entropy64(uint64_t *out)
{
    if (cpu_rng == RNG_UNKNOWN)
        cpu_rng = (cpu_read_sysreg(id_aa64isar0_el1) >> 60) != 0 ? RNG_RNDR
                                                                  : RNG_NONE;
    if (cpu_rng == RNG_RNDR)
        for (int i = 0; i < RNDR_TRIES; i++)
            if (rndr(out))
                return 0;
    uint64_t v = cpu_counter() * 0x9e3779b97f4a7c15ULL;
    *out = v ^ (v >> 29);
    return -1;
}
