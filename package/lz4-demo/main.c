/*
 * lz4-demo: compress and decompress a generated buffer with lz4, checked.
 *
 * The input is log-like text from a fixed pseudo-random sequence, so every
 * run (and every platform) compresses the same bytes to the same sizes,
 * which tests/packages.bats compares. Each format is decompressed again and
 * compared with the original; a corrupted block must be rejected. Integer
 * code only: this application builds with -mgeneral-regs-only.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>
#include <lz4frame.h>
#include <lz4hc.h>

/* The input's size: 1 MiB, or the first argument in KiB (a small one keeps
 * the run short on an emulating KVM, where guest code is slow). */
#define DEFAULT_INPUT_KIB 1024
#define MAX_INPUT_KIB (256 * 1024)
static int input_size;

static int failures;

static void check(int ok, const char *what)
{
	if (!ok) {
		failures++;
		printf("FAILED: %s\n", what);
	}
}

/* xorshift32: small, deterministic, good enough to vary the text. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Lines like "0000123 net0: rx 1514 bytes from 10.0.0.7 (ok)\n". */
static void fill_input(char *buf, size_t size)
{
	static const char *const devices[] = { "net0", "blk0", "console", "clock" };
	static const char *const verbs[] = { "rx", "tx", "read", "write", "tick" };
	static const char *const status[] = { "ok", "ok", "ok", "retry", "dropped" };
	uint32_t state = 0x2545f491;
	size_t used = 0;
	unsigned line = 0;

	while (used < size) {
		char text[96];
		uint32_t r = next_random(&state);
		int n = snprintf(text, sizeof text, "%07u %s: %s %u bytes from 10.0.%u.%u (%s)\n",
				 line++, devices[r % 4], verbs[(r >> 4) % 5], (r >> 8) % 2048,
				 (r >> 20) % 4, (r >> 24) % 32, status[(r >> 29) % 5]);
		size_t take = (size_t)n < size - used ? (size_t)n : size - used;

		memcpy(buf + used, text, take);
		used += take;
	}
}

static int same(const char *a, const char *b, size_t n)
{
	return memcmp(a, b, n) == 0;
}

/* Per-mille, as an integer: no floating point in this program. */
static unsigned permille(size_t part, size_t whole)
{
	return (unsigned)((part * 1000 + whole / 2) / whole);
}

static void block_format(const char *input, char *packed, int packed_cap, char *unpacked)
{
	int size, back;

	size = LZ4_compress_default(input, packed, input_size, packed_cap);
	check(size > 0, "LZ4_compress_default");
	printf("block:       %7d -> %7d bytes (%u permille)\n", input_size, size,
	       permille((size_t)size, (size_t)input_size));
	memset(unpacked, 0, (size_t)input_size);
	back = LZ4_decompress_safe(packed, unpacked, size, input_size);
	check(back == input_size && same(input, unpacked, (size_t)input_size), "block round trip");

	/* A truncated block must be refused, not read past its end. */
	back = LZ4_decompress_safe(packed, unpacked, size / 2, input_size);
	check(back < 0, "a truncated block is rejected");
	printf("block:       truncated input rejected (%d)\n", back < 0 ? -1 : back);
}

static void hc_format(const char *input, char *packed, int packed_cap, char *unpacked)
{
	int size, back;

	size = LZ4_compress_HC(input, packed, input_size, packed_cap, LZ4HC_CLEVEL_DEFAULT);
	check(size > 0, "LZ4_compress_HC");
	printf("block HC %2d: %7d -> %7d bytes (%u permille)\n", LZ4HC_CLEVEL_DEFAULT, input_size,
	       size, permille((size_t)size, (size_t)input_size));
	memset(unpacked, 0, (size_t)input_size);
	back = LZ4_decompress_safe(packed, unpacked, size, input_size);
	check(back == input_size && same(input, unpacked, (size_t)input_size), "HC round trip");
}

static void frame_format(const char *input, char *unpacked)
{
	LZ4F_preferences_t prefs;
	LZ4F_dctx *dctx = NULL;
	size_t cap, size, src_size, dst_size, ret;
	char *packed;

	memset(&prefs, 0, sizeof prefs);
	prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
	prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled;
	prefs.frameInfo.contentSize = (unsigned long long)input_size;

	cap = LZ4F_compressFrameBound((size_t)input_size, &prefs);
	packed = malloc(cap);
	check(packed != NULL, "malloc for the frame");
	if (packed == NULL)
		return;
	size = LZ4F_compressFrame(packed, cap, input, (size_t)input_size, &prefs);
	check(!LZ4F_isError(size), "LZ4F_compressFrame");
	if (LZ4F_isError(size)) {
		printf("frame: %s\n", LZ4F_getErrorName(size));
		free(packed);
		return;
	}
	printf("frame:       %7d -> %7zu bytes (%u permille), with checksums\n", input_size, size,
	       permille(size, (size_t)input_size));

	check(!LZ4F_isError(LZ4F_createDecompressionContext(&dctx, LZ4F_VERSION)),
	      "LZ4F_createDecompressionContext");
	src_size = size;
	dst_size = (size_t)input_size;
	memset(unpacked, 0, (size_t)input_size);
	ret = LZ4F_decompress(dctx, unpacked, &dst_size, packed, &src_size, NULL);
	check(ret == 0 && dst_size == (size_t)input_size && src_size == size &&
	      same(input, unpacked, (size_t)input_size), "frame round trip");

	/* One flipped bit in the payload must fail the checksums. */
	packed[size / 2] ^= 0x10;
	LZ4F_resetDecompressionContext(dctx);
	src_size = size;
	dst_size = (size_t)input_size;
	ret = LZ4F_decompress(dctx, unpacked, &dst_size, packed, &src_size, NULL);
	check(LZ4F_isError(ret), "a corrupted frame is rejected");
	printf("frame:       corrupted input rejected (%s)\n",
	       LZ4F_isError(ret) ? LZ4F_getErrorName(ret) : "not detected");

	LZ4F_freeDecompressionContext(dctx);
	free(packed);
}

int main(int argc, char **argv)
{
	unsigned long kib = DEFAULT_INPUT_KIB;
	int packed_cap;
	char *input, *packed, *unpacked;

	if (argc > 1) {
		char *end;

		kib = strtoul(argv[1], &end, 10);
		if (*end != '\0' || kib == 0 || kib > MAX_INPUT_KIB) {
			fprintf(stderr, "lz4-demo: '%s' is not an input size: give KiB, 1 to %d\n",
				argv[1], MAX_INPUT_KIB);
			return 1;
		}
	}
	input_size = (int)(kib * 1024);
	packed_cap = LZ4_compressBound(input_size);
	input = malloc((size_t)input_size);
	packed = malloc((size_t)packed_cap);
	unpacked = malloc((size_t)input_size);

	if (input == NULL || packed == NULL || unpacked == NULL) {
		fprintf(stderr, "lz4-demo: cannot allocate %d bytes of buffers: out of memory\n",
			2 * input_size + packed_cap);
		return 1;
	}
	printf("lz4 %s\n", LZ4_versionString());
	fill_input(input, (size_t)input_size);

	block_format(input, packed, packed_cap, unpacked);
	hc_format(input, packed, packed_cap, unpacked);
	frame_format(input, unpacked);

	free(unpacked);
	free(packed);
	free(input);
	if (failures) {
		printf("lz4-demo: %d check(s) failed\n", failures);
		return 1;
	}
	printf("lz4-demo: all checks passed\n");
	return 0;
}
