/*
 * Kiln guest side: random bits from the CPU, for the shim's stack-protector
 * canary and for libraries that need a seed (Mbed TLS's entropy source).
 * Implemented by the boot shim (boot/x86_64/entropy.c), so every image has
 * it whatever its platform.
 */
#ifndef KILN_ENTROPY_H
#define KILN_ENTROPY_H

#include <stdint.h>

/*
 * Store 64 random bits in *out. Returns 0 when they came from the CPU's
 * hardware generator (RDSEED, else RDRAND), -1 when the CPU has neither or
 * it kept failing: *out is then only the cycle counter, scrambled, which is
 * enough for a stack canary but guessable, so never use it for a key.
 */
int kiln_entropy64(uint64_t *out);

#endif /* KILN_ENTROPY_H */
