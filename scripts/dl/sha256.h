/* The SHA-256 of a file, as kiln-dl verifies downloads: OpenSSL's libcrypto does the hashing. */
#ifndef KILN_DL_SHA256_H
#define KILN_DL_SHA256_H

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE (2 * SHA256_DIGEST_SIZE + 1) /* 64 hex digits and a NUL */

/* Hash a whole file into lower-case hex. Returns 0, or -1 with errno set (EIO: libcrypto failed). */
int sha256_file(const char *path, char hex[SHA256_HEX_SIZE]);

#endif
