/* SHA-256 (FIPS 180-4), written for kiln-dl so the downloader needs no crypto library. */
#ifndef KILN_DL_SHA256_H
#define KILN_DL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE (2 * SHA256_DIGEST_SIZE + 1) /* 64 hex digits and a NUL */

struct sha256 {
	uint32_t state[8];
	uint64_t length;          /* bytes hashed so far */
	unsigned char block[64];  /* bytes not yet compressed */
	size_t used;              /* how many of block[] are filled */
};

void sha256_init(struct sha256 *ctx);
void sha256_update(struct sha256 *ctx, const void *data, size_t len);
void sha256_final(struct sha256 *ctx, unsigned char digest[SHA256_DIGEST_SIZE]);

/* Lower-case hex of a digest into hex[SHA256_HEX_SIZE]. */
void sha256_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE]);

/* Hash a whole file into hex. Returns 0, or -1 with errno set. */
int sha256_file(const char *path, char hex[SHA256_HEX_SIZE]);

#endif
