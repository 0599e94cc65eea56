# kiln-dl, the download-cache filler: a host program in C on libcurl.
# Built as $(HOST_BIN)/kiln-dl by the host-program infrastructure
# (package/pkg-host.mk, kiln-host-program with prefix KILN_DL, sources under
# scripts/dl); scripts/dl/README.md has its command line and behaviour.
# SHA-256 comes from OpenSSL's libcrypto (libssl-dev).
KILN_DL_SOURCES = main.c cache.c content_range.c fetch.c hashfile.c progress.c sha256_file.c
KILN_DL_LDLIBS = -lcurl -lcrypto
