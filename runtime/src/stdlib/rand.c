#include <stdint.h>
#include <stdlib.h>

/* A 64-bit linear congruential generator (Knuth's MMIX constants); the top
 * 31 bits are the output, as the low bits of an LCG are weak. */
static uint64_t seed; /* srand(1) state: the default sequence */

void srand(unsigned s)
{
	seed = s - 1;
}

int rand(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(seed >> 33);
}
