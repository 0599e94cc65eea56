/*
 * Kiln's entropy source for Mbed TLS (MBEDTLS_ENTROPY_HARDWARE_ALT): the
 * CPU's random number generator.
 *
 * A unikernel has no /dev/urandom and no getrandom(), so the patched
 * config.h sets MBEDTLS_NO_PLATFORM_ENTROPY, and mbedtls_entropy_init()
 * registers this function as its one strong source instead. It reads
 * RDSEED when the CPU has it (a conditioned entropy source, meant for
 * seeding) and RDRAND otherwise (a DRBG reseeded by the same hardware).
 * Both are unprivileged instructions: they work the same on hvt and spt.
 *
 * On a CPU with neither, it fails rather than fall back to the TSC: a
 * cycle counter read at boot is guessable, and a TLS key derived from it
 * would be too. Mbed TLS then reports MBEDTLS_ERR_ENTROPY_SOURCE_FAILED
 * when a DRBG is seeded.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <mbedtls/entropy.h>
#include <mbedtls/entropy_poll.h>

#define CPUID_1_ECX_RDRAND (1u << 30)
#define CPUID_7_EBX_RDSEED (1u << 18)

/* Both may fail transiently when the hardware is drained: retry, as
 * Intel's guidance says (10 tries for RDRAND; RDSEED drains faster). */
#define RDRAND_TRIES 10
#define RDSEED_TRIES 100

enum cpu_rng { RNG_NONE, RNG_RDRAND, RNG_RDSEED };

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t *a, uint32_t *b,
		  uint32_t *c, uint32_t *d)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(sub));
}

static enum cpu_rng detect_rng(void)
{
	uint32_t a, b, c, d, max_leaf;

	cpuid(0, 0, &max_leaf, &b, &c, &d);
	if (max_leaf >= 7) {
		cpuid(7, 0, &a, &b, &c, &d);
		if (b & CPUID_7_EBX_RDSEED)
			return RNG_RDSEED;
	}
	cpuid(1, 0, &a, &b, &c, &d);
	if (c & CPUID_1_ECX_RDRAND)
		return RNG_RDRAND;
	return RNG_NONE;
}

/* One 64-bit word from the CPU; 0 when it kept failing. */
static int read_word(enum cpu_rng rng, uint64_t *out)
{
	unsigned char ok = 0;

	if (rng == RNG_RDSEED) {
		for (int i = 0; i < RDSEED_TRIES && !ok; i++)
			__asm__ __volatile__("rdseed %0; setc %1"
					     : "=r"(*out), "=qm"(ok) : : "cc");
	} else {
		for (int i = 0; i < RDRAND_TRIES && !ok; i++)
			__asm__ __volatile__("rdrand %0; setc %1"
					     : "=r"(*out), "=qm"(ok) : : "cc");
	}
	return ok;
}

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len,
			  size_t *olen)
{
	static enum cpu_rng rng = RNG_NONE;
	static int detected;
	uint64_t word;
	size_t done = 0;

	(void)data;
	*olen = 0;
	if (!detected) {
		rng = detect_rng();
		detected = 1;
	}
	if (rng == RNG_NONE)
		return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;

	while (done < len) {
		size_t n = len - done < sizeof(word) ? len - done : sizeof(word);

		if (!read_word(rng, &word)) {
			/* RDSEED can run dry under load; RDRAND is the
			 * documented next best. */
			if (rng != RNG_RDSEED || !read_word(RNG_RDRAND, &word))
				break;
		}
		memcpy(output + done, &word, n);
		done += n;
	}
	word = 0;
	__asm__ __volatile__("" : : "r"(&word) : "memory");
	*olen = done;
	/* Partial output is fine for Mbed TLS (it counts what it got), but
	 * nothing at all is a failure of the source. */
	return done == 0 && len > 0 ? MBEDTLS_ERR_ENTROPY_SOURCE_FAILED : 0;
}
