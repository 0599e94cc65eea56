/*
 * lwIP's architecture header for Kiln (lwip/arch.h includes it): how lwIP
 * reports, asserts, draws random numbers and swaps bytes on Kiln's runtime.
 * The types come from the runtime's <stdint.h>, <inttypes.h> and
 * <limits.h>, which lwIP includes itself.
 */
#ifndef KILN_LWIP_ARCH_CC_H
#define KILN_LWIP_ARCH_CC_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

/* The runtime has no <unistd.h>; ssize_t comes from <sys/types.h>. */
#define LWIP_NO_UNISTD_H 1

/* x86_64 (and aarch64 as Kiln runs it) is little-endian. */
#define BYTE_ORDER LITTLE_ENDIAN

/* lwIP's diagnostics go to the console. */
#define LWIP_PLATFORM_DIAG(x) \
	do { \
		printf x; \
	} while (0)

/* A failed lwIP assertion: say which and where, then abort the image
 * (the tender reports the abort). */
#define LWIP_PLATFORM_ASSERT(x) \
	do { \
		printf("lwip: assertion \"%s\" failed at %s:%d\n", x, __FILE__, __LINE__); \
		abort(); \
	} while (0)

/* Random numbers for TCP's initial sequence numbers, the local ports and
 * DHCP's transaction ids (port/sys_arch.c: the CPU's generator). */
unsigned int kiln_lwip_rand(void);
#define LWIP_RAND() kiln_lwip_rand()

/* The compiler's byte swaps, instead of lwIP's shifts and masks. */
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

#endif /* KILN_LWIP_ARCH_CC_H */
