/* sha256_file: read a file through libcrypto's EVP digest interface (no crypto of our own). */
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

static void to_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* Feed fd to ctx until end of file. Returns 0, or -1 with errno set. */
static int digest_fd(EVP_MD_CTX *ctx, int fd)
{
	unsigned char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (EVP_DigestUpdate(ctx, buf, (size_t)n) != 1) {
			errno = EIO;
			return -1;
		}
	}
}

int sha256_file(const char *path, char hex[SHA256_HEX_SIZE])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char digest[SHA256_DIGEST_SIZE];
	unsigned int len = 0;
	int rc = -1;
	if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
		errno = EIO;
	else if (digest_fd(ctx, fd) == 0) {
		if (EVP_DigestFinal_ex(ctx, digest, &len) == 1 && len == SHA256_DIGEST_SIZE)
			rc = 0;
		else
			errno = EIO;
	}
	int saved = errno;
	EVP_MD_CTX_free(ctx);
	close(fd);
	errno = saved;
	if (rc == 0)
		to_hex(digest, hex);
	return rc;
}
