/*
 * The Internet checksum for lwIP (LWIP_CHKSUM and LWIP_CHKSUM_COPY,
 * lwipopts.h): every byte a tap carries is summed here, since a tap
 * without a vnet header offloads nothing. lwIP's own routines take 4 bytes
 * a step with a branch for each carry; these take 32 bytes a step, adding
 * each 8-byte word's two 32-bit halves into 64-bit sums, which cannot
 * carry out for any length lwIP passes. LWIP_CHKSUM_COPY sums the bytes
 * while it copies them (tcp_write copying what is sent into its segments),
 * so that the data is read once, not once to copy and once to sum.
 *
 * What they return is lwIP's "standard" sum: the ones' complement sum of
 * the bytes taken two at a time in memory order as 16-bit words of the
 * CPU's byte order (a last odd byte as a word with a zero second byte),
 * folded to 16 bits and not inverted. Whatever the data's address: loads
 * go through memcpy, which compiles to plain (unaligned) loads.
 */
#include <stdint.h>
#include <string.h>

#include "kiln-lwip-chksum.h"

static inline uint64_t load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* The two 32-bit halves of w, added: the sum of its four 16-bit words
 * modulo 0xffff, as the folding in fold() takes it. */
static inline uint64_t halves(uint64_t w)
{
	return (w & 0xffffffffu) + (w >> 32);
}

/* s to 16 bits, each carry added back in (never 0 from a sum that is
 * not: 0xffff, as lwIP's own routines give). */
static inline uint16_t fold(uint64_t s)
{
	while (s >> 16)
		s = (s & 0xffffu) + (s >> 16);
	return (uint16_t)s;
}

/* The sum of the last len (< 8) bytes at p. */
static inline uint64_t tail(const unsigned char *p, size_t len)
{
	uint64_t w = 0;

	memcpy(&w, p, len); /* the missing bytes are zeros, in memory order */
	return halves(w);
}

uint16_t kiln_lwip_chksum(const void *data, int len)
{
	const unsigned char *p = data;
	size_t n = len > 0 ? (size_t)len : 0;
	uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;

	for (; n >= 32; p += 32, n -= 32) {
		s0 += halves(load64(p));
		s1 += halves(load64(p + 8));
		s2 += halves(load64(p + 16));
		s3 += halves(load64(p + 24));
	}
	for (; n >= 8; p += 8, n -= 8)
		s0 += halves(load64(p));
	s1 += tail(p, n);
	return fold(s0 + s1 + s2 + s3);
}

uint16_t kiln_lwip_chksum_copy(void *dst, const void *src, uint16_t len)
{
	unsigned char *d = dst;
	const unsigned char *p = src;
	size_t n = len;
	uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;

	for (; n >= 32; p += 32, d += 32, n -= 32) {
		uint64_t a = load64(p), b = load64(p + 8), c = load64(p + 16), e = load64(p + 24);
		memcpy(d, &a, 8);
		memcpy(d + 8, &b, 8);
		memcpy(d + 16, &c, 8);
		memcpy(d + 24, &e, 8);
		s0 += halves(a);
		s1 += halves(b);
		s2 += halves(c);
		s3 += halves(e);
	}
	for (; n >= 8; p += 8, d += 8, n -= 8) {
		uint64_t a = load64(p);
		memcpy(d, &a, 8);
		s0 += halves(a);
	}
	memcpy(d, p, n);
	s1 += tail(p, n);
	return fold(s0 + s1 + s2 + s3);
}
