/*
 * selftests: LZ4 round trips on the data of LZ4's own test generator.
 *
 * RDG_genBuffer (programs/datagen.c of the lz4 tarball, compiled as it is
 * through lz4_datagen.c) makes the buffers lz4's own tests use: a seed, a
 * match probability (how compressible) and a literal distribution. Each
 * buffer goes through every compressor lz4 has, at every level and block
 * size, and back; a round trip passes when the decompressor reports the
 * original size and the XXH64 of the output equals that of the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>
#include <lz4frame.h>
#include <lz4hc.h>

#include "datagen.h"
#include "xxhash.h"

#include "suite.h"

struct dataset {
	const char *name;
	size_t size;
	double match_proba;	/* RDG_genBuffer's compressibility, 0..1 */
	unsigned seed;
};

/* Sizes around the edges that matter: empty, below a match's minimum,
 * one 64 KiB window, one frame block of each size, and beyond the largest
 * frame block (4 MiB) so that blocks chain. */
static const struct dataset datasets[] = {
	{ "empty", 0, 0.5, 1 },
	{ "13 bytes", 13, 0.5, 2 },
	{ "64 KiB, incompressible", 64 << 10, 0.0, 3 },
	{ "256 KiB, text-like", 256 << 10, 0.5, 4 },
	{ "1 MiB, repetitive", 1 << 20, 0.9, 5 },
	{ "5 MiB, mixed", 5 << 20, 0.3, 6 },
};

static const int accelerations[] = { 1, 2, 8, 64, 65537 /* LZ4_ACCELERATION_MAX, private to lz4.c */ };

static const LZ4F_blockSizeID_t block_sizes[] = {
	LZ4F_max64KB, LZ4F_max256KB, LZ4F_max1MB, LZ4F_max4MB,
};
static const char *const block_size_names[] = { "64K", "256K", "1M", "4M" };

struct buffers {
	const char *src;
	size_t size;
	unsigned long long hash;	/* XXH64 of src */
	char *dst;			/* compressed */
	size_t dst_cap;
	char *out;			/* decompressed */
	size_t out_cap;			/* size + 1: an overrun shows */
};

static void record(struct suite_count *count, int ok, const char *dataset, const char *what)
{
	if (ok) {
		count->passed++;
	} else {
		count->failed++;
		printf("lz4: FAILED: %s: %s\n", dataset, what);
	}
}

/* The block decompressor's output must be the input again. */
static int block_round_trip(struct buffers *b, int compressed)
{
	int n;

	if (compressed <= 0 && b->size > 0)
		return 0;
	n = LZ4_decompress_safe(b->dst, b->out, compressed, (int)b->out_cap);
	return n >= 0 && (size_t)n == b->size && XXH64(b->out, b->size, 0) == b->hash;
}

/* Decompresses the frame in b->dst (compressed bytes) into b->out. */
static int frame_round_trip(struct buffers *b, size_t compressed)
{
	LZ4F_dctx *dctx;
	size_t in_pos = 0, out_pos = 0, ret = 1;

	if (LZ4F_isError(LZ4F_createDecompressionContext(&dctx, LZ4F_VERSION)))
		return 0;
	/* Feed it in uneven pieces, as a stream would arrive. */
	while (ret != 0 && in_pos < compressed) {
		size_t in_len = compressed - in_pos < 100003 ? compressed - in_pos : 100003;
		size_t out_len = b->out_cap - out_pos;

		ret = LZ4F_decompress(dctx, b->out + out_pos, &out_len, b->dst + in_pos, &in_len, NULL);
		if (LZ4F_isError(ret)) {
			printf("lz4: LZ4F_decompress: %s\n", LZ4F_getErrorName(ret));
			break;
		}
		in_pos += in_len;
		out_pos += out_len;
	}
	LZ4F_freeDecompressionContext(dctx);
	return ret == 0 && in_pos == compressed && out_pos == b->size &&
	       XXH64(b->out, b->size, 0) == b->hash;
}

static void block_checks(struct buffers *b, const char *name, struct suite_count *count)
{
	char what[64];
	int n;

	n = LZ4_compress_default(b->src, b->dst, (int)b->size, (int)b->dst_cap);
	record(count, block_round_trip(b, n), name, "LZ4_compress_default");

	for (size_t i = 0; i < sizeof(accelerations) / sizeof(accelerations[0]); i++) {
		n = LZ4_compress_fast(b->src, b->dst, (int)b->size, (int)b->dst_cap, accelerations[i]);
		snprintf(what, sizeof(what), "LZ4_compress_fast acceleration %d", accelerations[i]);
		record(count, block_round_trip(b, n), name, what);
	}

	for (int level = LZ4HC_CLEVEL_MIN; level <= LZ4HC_CLEVEL_MAX; level++) {
		n = LZ4_compress_HC(b->src, b->dst, (int)b->size, (int)b->dst_cap, level);
		snprintf(what, sizeof(what), "LZ4_compress_HC level %d", level);
		record(count, block_round_trip(b, n), name, what);
	}
}

static void frame_checks(struct buffers *b, const char *name, struct suite_count *count)
{
	static const int levels[] = { 0, LZ4HC_CLEVEL_DEFAULT };
	char what[96];

	for (size_t s = 0; s < sizeof(block_sizes) / sizeof(block_sizes[0]); s++)
		for (int linked = 0; linked <= 1; linked++)
			for (size_t l = 0; l < sizeof(levels) / sizeof(levels[0]); l++) {
				LZ4F_preferences_t prefs;
				size_t n;

				memset(&prefs, 0, sizeof(prefs));
				prefs.frameInfo.blockSizeID = block_sizes[s];
				prefs.frameInfo.blockMode = linked ? LZ4F_blockLinked : LZ4F_blockIndependent;
				prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
				prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled;
				prefs.frameInfo.contentSize = b->size;
				prefs.compressionLevel = levels[l];
				n = LZ4F_compressFrame(b->dst, b->dst_cap, b->src, b->size, &prefs);
				snprintf(what, sizeof(what), "LZ4F_compressFrame, %s blocks, %s, level %d",
					 block_size_names[s], linked ? "linked" : "independent", levels[l]);
				record(count, !LZ4F_isError(n) && frame_round_trip(b, n), name, what);
			}
}

/* The streaming frame API: input in odd-sized pieces, as an application
 * compressing a stream would give it. */
static void frame_stream_check(struct buffers *b, const char *name, struct suite_count *count)
{
	LZ4F_cctx *cctx;
	LZ4F_preferences_t prefs;
	size_t pos = 0, in_pos = 0, n;
	int ok = 0;

	memset(&prefs, 0, sizeof(prefs));
	prefs.frameInfo.blockSizeID = LZ4F_max256KB;
	prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
	if (LZ4F_isError(LZ4F_createCompressionContext(&cctx, LZ4F_VERSION))) {
		record(count, 0, name, "LZ4F_createCompressionContext");
		return;
	}
	n = LZ4F_compressBegin(cctx, b->dst, b->dst_cap, &prefs);
	if (LZ4F_isError(n))
		goto done;
	pos = n;
	while (in_pos < b->size) {
		size_t piece = b->size - in_pos < 65537 ? b->size - in_pos : 65537;

		n = LZ4F_compressUpdate(cctx, b->dst + pos, b->dst_cap - pos, b->src + in_pos, piece, NULL);
		if (LZ4F_isError(n))
			goto done;
		pos += n;
		in_pos += piece;
	}
	n = LZ4F_compressEnd(cctx, b->dst + pos, b->dst_cap - pos, NULL);
	if (LZ4F_isError(n))
		goto done;
	ok = frame_round_trip(b, pos + n);
done:
	LZ4F_freeCompressionContext(cctx);
	record(count, ok, name, "LZ4F_compressBegin/Update/End, 64 KiB + 1 pieces");
}

void suite_lz4(struct suite_count *count)
{
	size_t largest = 0;
	struct buffers b;
	char *src;

	for (size_t i = 0; i < sizeof(datasets) / sizeof(datasets[0]); i++)
		if (datasets[i].size > largest)
			largest = datasets[i].size;
	memset(&b, 0, sizeof(b));
	/* A frame holds the data plus headers and checksums: the frame bound
	 * at the smallest block size is the largest of all bounds. */
	{
		LZ4F_preferences_t prefs;

		memset(&prefs, 0, sizeof(prefs));
		prefs.frameInfo.blockSizeID = LZ4F_max64KB;
		prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled;
		prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled;
		b.dst_cap = LZ4F_compressFrameBound(largest, &prefs);
		if ((size_t)LZ4_compressBound((int)largest) > b.dst_cap)
			b.dst_cap = (size_t)LZ4_compressBound((int)largest);
		b.dst_cap += 4096;
	}
	src = malloc(largest + 1);
	b.dst = malloc(b.dst_cap);
	b.out = malloc(largest + 1);
	if (src == NULL || b.dst == NULL || b.out == NULL) {
		printf("lz4: cannot allocate %zu bytes of buffers: give the image more memory\n",
		       2 * largest + b.dst_cap);
		count->failed++;
		goto out;
	}

	for (size_t i = 0; i < sizeof(datasets) / sizeof(datasets[0]); i++) {
		const struct dataset *d = &datasets[i];
		unsigned before = count->passed + count->failed;
		int n;

		RDG_genBuffer(src, d->size, d->match_proba, 0.0, d->seed);
		b.src = src;
		b.size = d->size;
		b.hash = XXH64(src, d->size, 0);
		b.out_cap = d->size + 1;

		block_checks(&b, d->name, count);
		frame_checks(&b, d->name, count);
		frame_stream_check(&b, d->name, count);

		n = LZ4_compress_default(b.src, b.dst, (int)b.size, (int)b.dst_cap);
		printf("lz4: %-24s %8zu bytes, XXH64 %016llx, LZ4_compress_default %8d bytes, %u round trips\n",
		       d->name, d->size, b.hash, n, count->passed + count->failed - before);
	}
out:
	free(src);
	free(b.dst);
	free(b.out);
}
