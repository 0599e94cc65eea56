/*
 * Kiln boot shim, x86_64: kiln_entropy64 (kiln/entropy.h).
 *
 * RDSEED first: it reads the conditioned entropy source itself, which is
 * what seeding wants; RDRAND (a DRBG the same hardware reseeds) when the
 * CPU lacks RDSEED or it runs dry. Both are unprivileged: this works on
 * spt as on hvt and virtio. Each can fail transiently; Intel advises 10
 * tries for RDRAND, and RDSEED drains faster.
 */
#include "kiln/entropy.h"
#include "cpu.h"

#define RDSEED_TRIES 100
#define RDRAND_TRIES 10

enum cpu_rng { RNG_UNKNOWN, RNG_NONE, RNG_RDRAND, RNG_RDSEED };

static enum cpu_rng cpu_rng; /* probed once: CPUID can cost a VM exit */

static enum cpu_rng probe_rng(void)
{
    uint32_t max_leaf, a, b, c, d;

    cpu_cpuid(0, &max_leaf, &b, &c, &d);
    if (max_leaf >= 7) {
        cpu_cpuid(7, &a, &b, &c, &d);
        if (b & CPUID_7_EBX_RDSEED)
            return RNG_RDSEED;
    }
    cpu_cpuid(1, &a, &b, &c, &d);
    return (c & CPUID_1_ECX_RDRAND) ? RNG_RDRAND : RNG_NONE;
}

int kiln_entropy64(uint64_t *out)
{
    if (cpu_rng == RNG_UNKNOWN)
        cpu_rng = probe_rng();
    if (cpu_rng == RNG_RDSEED)
        for (int i = 0; i < RDSEED_TRIES; i++)
            if (cpu_rdseed64(out))
                return 0;
    if (cpu_rng != RNG_NONE)
        for (int i = 0; i < RDRAND_TRIES; i++)
            if (cpu_rdrand64(out))
                return 0;
    /*
     * The TSC's low bits vary with the host's scheduling; a multiplicative
     * hash spreads them over all 64 bits.
     */
    uint64_t v = cpu_rdtsc() * 0x9e3779b97f4a7c15ULL;
    *out = v ^ (v >> 29);
    return -1;
}
