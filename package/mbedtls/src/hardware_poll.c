/*
 * Kiln's entropy source for Mbed TLS (MBEDTLS_ENTROPY_HARDWARE_ALT): the
 * CPU's random number generator, through the boot shim's kiln_entropy64
 * (kiln/entropy.h), the same function the stack protector's canary comes
 * from: RDSEED when the CPU has it, RDRAND otherwise, on every platform.
 *
 * A unikernel has no /dev/urandom and no getrandom(), so the patched
 * config.h sets MBEDTLS_NO_PLATFORM_ENTROPY, and mbedtls_entropy_init()
 * registers this function as its one strong source instead.
 *
 * When the CPU has neither instruction (or they keep failing),
 * kiln_entropy64 says so and this source fails rather than pass on its
 * cycle-counter fallback: a counter read at boot is guessable, and a TLS
 * key derived from it would be too. Mbed TLS then reports
 * MBEDTLS_ERR_ENTROPY_SOURCE_FAILED when a DRBG is seeded.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <kiln/entropy.h>
#include <mbedtls/entropy.h>
#include <mbedtls/entropy_poll.h>

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len,
			  size_t *olen)
{
	uint64_t word;
	size_t done = 0;

	(void)data;
	while (done < len) {
		size_t n = len - done < sizeof(word) ? len - done : sizeof(word);

		if (kiln_entropy64(&word) != 0)
			break;
		memcpy(output + done, &word, n);
		done += n;
	}
	/* Leave no copy of the last word on the stack. */
	word = 0;
	__asm__ __volatile__("" : : "r"(&word) : "memory");
	*olen = done;
	/* Partial output is fine for Mbed TLS (it counts what it got), but
	 * nothing at all is a failure of the source. */
	return done == 0 && len > 0 ? MBEDTLS_ERR_ENTROPY_SOURCE_FAILED : 0;
}
