################################################################################
# mbedtls: Mbed TLS 2.28 LTS, TLS/DTLS, X.509 and crypto (libmbedtls.a), set up
# for a unikernel, with a CPU entropy source of Kiln's (libmbedtls-kiln.a)
################################################################################
MBEDTLS_VERSION = 2.28.3
# The upstream release archive, and Debian's .orig of the same release (a
# different tarball of the same tag) as an alternative that mirrors may
# serve; each has its own sha256 in mbedtls.hash.
MBEDTLS_SOURCE = mbedtls-$(MBEDTLS_VERSION).tar.gz
MBEDTLS_SITE = https://github.com/Mbed-TLS/mbedtls/archive/v$(MBEDTLS_VERSION)
MBEDTLS_ALT_SOURCES = mbedtls-$(MBEDTLS_VERSION)-debian.tar.gz
MBEDTLS_LICENSE = Apache-2.0
MBEDTLS_LICENSE_FILES = LICENSE
# Every unit of library/ (crypto, x509 and tls, as upstream's three
# libraries, in one archive) but net_sockets.c (BSD sockets) and timing.c
# (alarm() and signals), which a unikernel does not have; the patch turns
# their options off too.
MBEDTLS_SOURCES = $(addprefix library/, \
	aes.c aesni.c arc4.c aria.c asn1parse.c asn1write.c base64.c bignum.c \
	blowfish.c camellia.c ccm.c chacha20.c chachapoly.c cipher.c cipher_wrap.c \
	constant_time.c cmac.c ctr_drbg.c des.c dhm.c ecdh.c ecdsa.c ecjpake.c \
	ecp.c ecp_curves.c entropy.c entropy_poll.c error.c gcm.c havege.c hkdf.c \
	hmac_drbg.c md.c md2.c md4.c md5.c memory_buffer_alloc.c mps_reader.c \
	mps_trace.c nist_kw.c oid.c padlock.c pem.c pk.c pk_wrap.c pkcs12.c \
	pkcs5.c pkparse.c pkwrite.c platform.c platform_util.c poly1305.c \
	psa_crypto.c psa_crypto_aead.c psa_crypto_cipher.c psa_crypto_client.c \
	psa_crypto_driver_wrappers.c psa_crypto_ecp.c psa_crypto_hash.c \
	psa_crypto_mac.c psa_crypto_rsa.c psa_crypto_se.c \
	psa_crypto_slot_management.c psa_crypto_storage.c psa_its_file.c \
	ripemd160.c rsa.c rsa_internal.c sha1.c sha256.c sha512.c threading.c \
	version.c version_features.c xtea.c \
	certs.c pkcs11.c x509.c x509_create.c x509_crl.c x509_crt.c x509_csr.c \
	x509write_crt.c x509write_csr.c \
	debug.c ssl_cache.c ssl_ciphersuites.c ssl_cli.c ssl_cookie.c ssl_msg.c \
	ssl_srv.c ssl_tls.c ssl_ticket.c ssl_tls13_keys.c)
# Integer code only (the bignum assembly uses general registers; AES-NI,
# which needs SSE, is off in the patch): it stays with -mgeneral-regs-only
# and runs on every platform.
MBEDTLS_FPU =
MBEDTLS_INCLUDES = include library
MBEDTLS_INSTALL_HEADERS = include/mbedtls include/psa
$(eval $(kiln-package))

# Kiln's entropy source for MBEDTLS_ENTROPY_HARDWARE_ALT (src/), in an archive
# of its own that is linked with libmbedtls.a.
MBEDTLS_KILN_SRCDIR = $(MBEDTLS_PKGDIR)/src
MBEDTLS_KILN_SOURCES = hardware_poll.c
MBEDTLS_KILN_INCLUDES = $(MBEDTLS_SRCDIR)/include
MBEDTLS_KILN_CFLAGS = -Wall -Wextra
MBEDTLS_KILN_PREREQS = $(MBEDTLS_STAMP_PATCHED)
$(eval $(call kiln-local-library-inner,mbedtls-kiln,MBEDTLS_KILN))
MBEDTLS_LINK = $(MBEDTLS_LIB) $(MBEDTLS_KILN_LIB)
mbedtls mbedtls-build: $(MBEDTLS_KILN_LIB)
