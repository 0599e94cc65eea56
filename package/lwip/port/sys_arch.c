/*
 * What lwIP asks of the system when it runs without threads (NO_SYS=1):
 * the time in milliseconds for its timers, and random numbers.
 */
#include <stdint.h>

#include <kiln/entropy.h>
#include <solo5.h>

#include "lwip/sys.h"

/* lwIP's timers count milliseconds in 32 bits and compare differences, so
 * the wrap after 49 days is harmless. */
u32_t sys_now(void)
{
	return (u32_t)(solo5_clock_monotonic() / 1000000u);
}

/*
 * TCP's initial sequence numbers, the ephemeral ports and DHCP's
 * transaction ids: guessable ones would let an off-path host inject into
 * connections, so they come from the CPU's generator (kiln_entropy64;
 * on a CPU without one, its scrambled cycle counter, the best there is).
 */
unsigned int kiln_lwip_rand(void)
{
	uint64_t r;

	(void)kiln_entropy64(&r);
	return (unsigned int)(r ^ (r >> 32));
}
