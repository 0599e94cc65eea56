#include <stdlib.h>

/* POSIX rand_r keeps its whole state in one unsigned: a 32-bit LCG step
 * followed by an output mix (the raw low bits of an LCG are poor). */
int rand_r(unsigned *seed)
{
	unsigned x = *seed = *seed * 1103515245u + 12345u;

	x ^= x >> 11;
	x ^= x << 7 & 0x9d2c5680u;
	x ^= x << 15 & 0xefc60000u;
	x ^= x >> 18;
	return (int)(x >> 1);
}
