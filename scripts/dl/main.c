/*
 * kiln-dl: put one verified file into Kiln's download cache.
 *
 *   kiln-dl -o <cache>/<pkg>/<file> -H <pkg>.hash [-H <overlay.hash>]... [options] [URL...]
 *
 * URLs are tried in order (primary mirror, upstream, backup mirror). A file already in
 * the cache with an accepted sha256 costs no network at all. See README.md here.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fetch.h"
#include "hashfile.h"
#include "progress.h"
#include "sha256.h"

#define EXIT_USAGE 2

/* Waits between retries of one URL double from this, unless KILN_DL_BACKOFF_MS says otherwise. */
#define DEFAULT_BACKOFF_MS 1000
/* ...up to this: a mirror that is down for minutes is better skipped than waited for. */
#define MAX_BACKOFF_MS 60000

/* Far above any source archive, far below a full disk. */
#define DEFAULT_MAX_SIZE (INT64_C(1) << 30)

struct options {
	const char *out;
	const char **hash_files;
	size_t n_hash_files;
	struct fetch_options fetch;
	long retries;
	bool quiet;
	const char *then; /* --then: the archive tried next when this one fails */
	char **urls;
	size_t n_urls;
};

/* What happened at each URL, for the summary when none worked. */
struct url_outcome {
	const char *url;
	char reason[600];
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: kiln-dl -o <cache>/<pkg>/<file> -H <hash file> [-H <hash file>]...\n"
		"               [--connect-timeout SEC] [--stall-timeout SEC] [--max-size SIZE]\n"
		"               [--retries N] [--then NAME] [-q] [URL]...\n"
		"Downloads the first URL that works into the output path after checking its\n"
		"sha256 against the hash files (Buildroot format). Options:\n"
		"  -o PATH               output file; its basename is looked up in the hash files\n"
		"  -H FILE               hash file (repeatable; any listed sha256 is accepted)\n"
		"  --connect-timeout SEC give up connecting after SEC seconds (default 15)\n"
		"  --stall-timeout SEC   give up when no byte arrives for SEC seconds (default 30)\n"
		"  --max-size SIZE       refuse a file larger than SIZE bytes, or K, M, G, T (KiB...)\n"
		"                        (default 1G); a body that goes past it is stopped\n"
		"  --retries N           retries per URL for transient failures (default 3)\n"
		"  --then NAME           the caller tries archive NAME next if this one cannot be\n"
		"                        downloaded: then say so, not to copy this one by hand\n"
		"  -q                    print nothing on success\n"
		"Environment: KILN_DL_BACKOFF_MS first wait between retries (default 1000, doubles);\n"
		"CURL_CA_BUNDLE CA certificates for https instead of the system's.\n");
}

static long parse_count(const char *text, const char *option, long min)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < min || v > 86400) {
		fprintf(stderr, "kiln-dl: %s wants a whole number from %ld to 86400, not '%s'\n",
			option, min, text);
		exit(EXIT_USAGE);
	}
	return v;
}

/* Bytes, or a whole number of KiB, MiB, GiB or TiB with a suffix K, M, G, T. */
static int64_t parse_size(const char *text, const char *option)
{
	static const char suffixes[] = "KMGT";
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	int shift = 0;
	const char *suffix = *end ? strchr(suffixes, *end) : NULL;
	if (suffix && end[1] == '\0') {
		shift = 10 * (int)(suffix - suffixes + 1);
		end++;
	}
	if (errno || end == text || *end || v < 1 || v > INT64_MAX >> shift) {
		fprintf(stderr, "kiln-dl: %s wants a positive size in bytes, or with K, M, G "
			"or T (e.g. 1G), not '%s'\n", option, text);
		exit(EXIT_USAGE);
	}
	return (int64_t)v << shift;
}

static void parse_args(int argc, char **argv, struct options *o)
{
	enum { OPT_CONNECT = 256, OPT_STALL, OPT_MAX_SIZE, OPT_RETRIES, OPT_THEN, OPT_HELP };
	static const struct option longopts[] = {
		{ "connect-timeout", required_argument, NULL, OPT_CONNECT },
		{ "stall-timeout", required_argument, NULL, OPT_STALL },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "retries", required_argument, NULL, OPT_RETRIES },
		{ "then", required_argument, NULL, OPT_THEN },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	*o = (struct options){
		.fetch = { .connect_timeout = 15, .stall_timeout = 30, .max_size = DEFAULT_MAX_SIZE },
		.retries = 3,
	};
	o->hash_files = calloc((size_t)argc, sizeof *o->hash_files);
	if (!o->hash_files)
		exit(EXIT_FAILURE);

	int c;
	while ((c = getopt_long(argc, argv, "o:H:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o->out = optarg;
			break;
		case 'H':
			o->hash_files[o->n_hash_files++] = optarg;
			break;
		case 'q':
			o->quiet = true;
			break;
		case OPT_CONNECT:
			o->fetch.connect_timeout = parse_count(optarg, "--connect-timeout", 1);
			break;
		case OPT_STALL:
			o->fetch.stall_timeout = parse_count(optarg, "--stall-timeout", 1);
			break;
		case OPT_MAX_SIZE:
			o->fetch.max_size = parse_size(optarg, "--max-size");
			break;
		case OPT_RETRIES:
			o->retries = parse_count(optarg, "--retries", 0);
			break;
		case OPT_THEN:
			o->then = optarg;
			break;
		case OPT_HELP:
			usage(stdout);
			exit(EXIT_SUCCESS);
		default:
			usage(stderr);
			exit(EXIT_USAGE);
		}
	}
	o->urls = argv + optind;
	o->n_urls = (size_t)(argc - optind);

	const char *missing = !o->out ? "an output path (-o)"
			    : !o->n_hash_files ? "a hash file (-H)" : NULL;
	if (missing) {
		fprintf(stderr, "kiln-dl: missing %s\n", missing);
		usage(stderr);
		exit(EXIT_USAGE);
	}
	if (o->out[0] == '\0' || o->out[strlen(o->out) - 1] == '/') {
		fprintf(stderr, "kiln-dl: -o must name a file, not '%s'\n", o->out);
		exit(EXIT_USAGE);
	}
}

static char *path_with_suffix(const char *path, const char *suffix)
{
	size_t len = strlen(path) + strlen(suffix) + 1;
	char *s = malloc(len);
	if (!s) {
		fprintf(stderr, "kiln-dl: out of memory\n");
		exit(EXIT_FAILURE);
	}
	snprintf(s, len, "%s%s", path, suffix);
	return s;
}

/* "a or b or c": every accepted hash, for mismatch messages. */
static void print_expected(const struct hash_list *hashes)
{
	for (size_t i = 0; i < hashes->count; i++)
		fprintf(stderr, "%s%s", i ? " or " : "", hashes->sha256[i]);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static long backoff_base_ms(void)
{
	const char *env = getenv("KILN_DL_BACKOFF_MS");
	if (!env || !*env)
		return DEFAULT_BACKOFF_MS;
	char *end;
	long v = strtol(env, &end, 10);
	if (*end || v < 0 || v > 600000) {
		fprintf(stderr, "kiln-dl: ignoring KILN_DL_BACKOFF_MS='%s' (want milliseconds)\n", env);
		return DEFAULT_BACKOFF_MS;
	}
	return v;
}

enum url_result { URL_DONE, URL_FAILED, URL_FATAL };

/*
 * Try one URL, with retries for transient failures. On success the verified file is at
 * out. On failure outcome->reason says why.
 */
static enum url_result try_url(const struct options *o, const char *url, const char *name,
			       const char *part, const struct hash_list *hashes,
			       struct progress *progress, struct url_outcome *outcome)
{
	long attempts = o->retries + 1;
	long wait_ms = backoff_base_ms();
	bool restarted_fresh = false;

	for (long attempt = 1; attempt <= attempts; attempt++) {
		struct fetch_result r;
		fetch_attempt(url, part, &o->fetch, progress, &r);

		if (r.status == FETCH_OK) {
			char actual[SHA256_HEX_SIZE];
			enum cache_state st = cache_check(part, hashes, actual);
			if (st == CACHE_GOOD) {
				if (cache_commit(part, o->out) < 0)
					return URL_FATAL;
				struct stat sb;
				progress_done(progress, stat(o->out, &sb) == 0 ? (int64_t)sb.st_size : 0);
				return URL_DONE;
			}
			if (st == CACHE_ERROR)
				return URL_FATAL;
			if (r.resumed_from > 0 && !restarted_fresh) {
				/* The kept bytes may be from another run, another URL or another version. */
				fprintf(stderr, "kiln-dl: %s resumed from %s does not verify; "
					"downloading it again from the start\n", name, url);
				unlink(part);
				restarted_fresh = true;
				attempt--;
				continue;
			}
			fprintf(stderr, "kiln-dl: hash mismatch for %s from %s: expected ", name, url);
			print_expected(hashes);
			fprintf(stderr, ", got %s\n", actual);
			unlink(part);
			snprintf(outcome->reason, sizeof outcome->reason,
				 "hash mismatch: got sha256 %s", actual);
			return URL_FAILED;
		}
		if (r.status == FETCH_LOCAL) {
			fprintf(stderr, "kiln-dl: %s: %s\n", name, r.reason);
			return URL_FATAL;
		}
		if (r.status == FETCH_PERMANENT) {
			fprintf(stderr, "kiln-dl: %s: %s\n", url, r.reason);
			snprintf(outcome->reason, sizeof outcome->reason, "%s", r.reason);
			return URL_FAILED;
		}
		if (attempt < attempts) {
			fprintf(stderr, "kiln-dl: %s: %s; retrying in %.1f s (attempt %ld of %ld)\n",
				url, r.reason, (double)wait_ms / 1000, attempt + 1, attempts);
			sleep_ms(wait_ms);
			if (wait_ms < MAX_BACKOFF_MS / 2)
				wait_ms *= 2;
			else
				wait_ms = MAX_BACKOFF_MS;
		} else {
			fprintf(stderr, "kiln-dl: %s: %s\n", url, r.reason);
			snprintf(outcome->reason, sizeof outcome->reason, "%s (%ld attempt%s)",
				 r.reason, attempts, attempts == 1 ? "" : "s");
		}
	}
	return URL_FAILED;
}

static int download(const struct options *o, const char *name, const char *cache_dir,
		    const struct hash_list *hashes)
{
	char *part = path_with_suffix(o->out, ".part");
	char actual[SHA256_HEX_SIZE];

	/* A previous run may have finished the transfer but not the rename. */
	if (cache_check(part, hashes, actual) == CACHE_GOOD && cache_commit(part, o->out) == 0) {
		free(part);
		return 0;
	}

	if (fetch_global_init() < 0) {
		free(part);
		return 1;
	}
	/* No URL is fine while the file is cached (checked before we get here). */
	if (o->n_urls == 0 && o->then) {
		fprintf(stderr, "kiln-dl: %s is not in the cache %s and has no URL (%s is tried next)\n",
			name, cache_dir, o->then);
		free(part);
		return 1;
	}
	if (o->n_urls == 0) {
		fprintf(stderr, "kiln-dl: %s is not in the cache %s and there is no URL to download it "
			"from: set a primary site or the package's site, or copy it there by hand "
			"(with the sha256 from %s)\n", name, cache_dir, o->hash_files[0]);
		free(part);
		return 1;
	}
	struct progress progress;
	progress_init(&progress, name, o->quiet);
	struct url_outcome *outcomes = calloc(o->n_urls, sizeof *outcomes);
	if (!outcomes) {
		fprintf(stderr, "kiln-dl: out of memory\n");
		exit(EXIT_FAILURE);
	}
	enum url_result result = URL_FAILED;
	size_t tried = 0;
	for (; tried < o->n_urls && result == URL_FAILED; tried++) {
		outcomes[tried].url = o->urls[tried];
		result = try_url(o, o->urls[tried], name, part, hashes, &progress, &outcomes[tried]);
	}
	fetch_global_cleanup();

	if (result == URL_FAILED && o->then) {
		/* Not the end: the advice to copy a file by hand comes when every archive failed. */
		fprintf(stderr, "kiln-dl: %s is not available from its URLs (%s is tried next); tried:\n",
			name, o->then);
		for (size_t i = 0; i < tried; i++)
			fprintf(stderr, "  %s: %s\n", outcomes[i].url, outcomes[i].reason);
	} else if (result == URL_FAILED) {
		fprintf(stderr, "kiln-dl: could not download %s into %s; tried:\n", name, cache_dir);
		for (size_t i = 0; i < tried; i++)
			fprintf(stderr, "  %s: %s\n", outcomes[i].url, outcomes[i].reason);
		fprintf(stderr, "kiln-dl: check the network and the mirror settings, or copy %s "
			"(with the sha256 from %s) into %s by hand\n", name, o->hash_files[0], cache_dir);
	}
	/* An empty .part carries nothing worth resuming. A non-empty one stays for the next run. */
	struct stat sb;
	if (stat(part, &sb) == 0 && sb.st_size == 0)
		unlink(part);
	free(outcomes);
	free(part);
	return result == URL_DONE ? 0 : 1;
}

/* Everything after argument parsing; returns the exit status. */
static int run(const struct options *o, const char *name, const char *cache_dir,
	       struct hash_list *hashes)
{
	for (size_t i = 0; i < o->n_hash_files; i++)
		if (hashfile_collect(o->hash_files[i], name, hashes) < 0)
			return EXIT_FAILURE;
	if (hashes->count == 0) {
		fprintf(stderr, "kiln-dl: no sha256 for %s in ", name);
		for (size_t i = 0; i < o->n_hash_files; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", o->hash_files[i]);
		fprintf(stderr, ": add one\n");
		return EXIT_FAILURE;
	}

	/* The common case, a build with everything cached: no lock, no network. */
	char actual[SHA256_HEX_SIZE];
	enum cache_state st = cache_check(o->out, hashes, actual);
	if (st == CACHE_GOOD || st == CACHE_ERROR)
		return st == CACHE_GOOD ? EXIT_SUCCESS : EXIT_FAILURE;

	if (cache_mkdirs(cache_dir) < 0)
		return EXIT_FAILURE;
	int lock_fd = cache_lock(o->out, name, o->quiet);
	if (lock_fd < 0)
		return EXIT_FAILURE;

	/* Look again under the lock: another kiln-dl may have just finished this file. */
	int rc = EXIT_FAILURE;
	st = cache_check(o->out, hashes, actual);
	if (st == CACHE_GOOD) {
		rc = EXIT_SUCCESS;
	} else if (st == CACHE_CORRUPT) {
		fprintf(stderr, "kiln-dl: %s in the cache is corrupt (sha256 %s, not the one in the "
			"hash file): removing it and downloading again\n", o->out, actual);
		if (unlink(o->out) == 0)
			rc = download(o, name, cache_dir, hashes);
		else
			fprintf(stderr, "kiln-dl: cannot remove %s: %s\n", o->out, strerror(errno));
	} else if (st == CACHE_MISSING) {
		rc = download(o, name, cache_dir, hashes);
	}
	close(lock_fd); /* releases the lock for a waiting kiln-dl */
	return rc;
}

int main(int argc, char **argv)
{
	struct options o;
	/* A line in one write: under make -j, downloads run side by side on one
	 * terminal, and a message written in pieces would be cut by another's.
	 * The progress bar, which has no newline, flushes itself. */
	setvbuf(stderr, NULL, _IOLBF, 0);
	parse_args(argc, argv, &o);
	/* libcurl runs with CURLOPT_NOSIGNAL; a server hanging up must be an error, not death. */
	signal(SIGPIPE, SIG_IGN);

	char *out_copy = strdup(o.out), *dir_copy = strdup(o.out);
	if (!out_copy || !dir_copy) {
		fprintf(stderr, "kiln-dl: out of memory\n");
		return EXIT_FAILURE;
	}
	struct hash_list hashes = { 0 };
	int rc = run(&o, basename(out_copy), dirname(dir_copy), &hashes);
	hash_list_free(&hashes);
	free(out_copy);
	free(dir_copy);
	free(o.hash_files);
	return rc;
}
