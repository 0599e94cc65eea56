#include "fetch.h"
#include "content_range.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Enough for mirrors that bounce through a CDN; more is a loop. */
#define MAX_REDIRECTS 10

/* State shared with libcurl's callbacks during one transfer. */
struct transfer {
	CURL *curl;
	const char *url;
	const char *part_path;
	const struct fetch_options *opt;
	int fd;                  /* the .part, positioned at its end */
	int64_t offset;          /* bytes the .part had when we asked to resume */
	int64_t written;         /* body bytes this transfer added to the .part */
	bool checked_resume;     /* first body byte seen: resume and size decisions made */
	int range_seen;          /* content_range_parse's last answer for this response */
	struct content_range range; /* ...and the Content-Range it parsed */
	bool range_refused;      /* a 206 not starting where the .part ends: start afresh */
	int write_errno;         /* set when writing the .part failed */
	double last_data;        /* monotonic time the last byte (header or body) arrived */
	double stalled_for;      /* > 0: given up after this many seconds without a byte */
	bool refused;            /* the body was turned down: status and reason in *result */
	bool drop_part;          /* ...and what the .part holds is worthless */
	struct fetch_result *result;
	struct progress *progress;
};

/* Turn the body down from inside a callback; curl_easy_perform then fails. */
static void refuse(struct transfer *t, enum fetch_status status, bool drop_part,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->result->reason, sizeof t->result->reason, fmt, ap);
	va_end(ap);
	t->result->status = status;
	t->refused = true;
	t->drop_part = drop_part;
}

int fetch_global_init(void)
{
	CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		fprintf(stderr, "kiln-dl: cannot initialise libcurl: %s\n", curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

void fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

static bool is_http(CURL *curl)
{
	const char *scheme = NULL;
	curl_easy_getinfo(curl, CURLINFO_SCHEME, &scheme);
	return scheme && (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0);
}

/*
 * How an HTTP answer continues the .part (content_range.c decides): a server that
 * ignores our Range header sends the whole file with a 200, so start over; a 206 that
 * does not start where the .part ends would corrupt it, so it is refused and
 * fetch_attempt starts afresh. Returns -1 (errno set) if the .part cannot be truncated.
 */
static int check_resume(struct transfer *t)
{
	long code = 0;
	if (t->offset == 0 || !is_http(t->curl))
		return 0;
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
	switch (resume_decide(code, t->offset, t->range_seen, &t->range)) {
	case RESUME_APPEND:
		return 0;
	case RESUME_REFUSED:
		t->range_refused = true;
		return 0;
	case RESUME_RESTART:
		break;
	}
	if (ftruncate(t->fd, 0) < 0 || lseek(t->fd, 0, SEEK_SET) < 0)
		return -1;
	t->offset = 0;
	t->progress->offset = 0;
	return 0;
}

/*
 * Before the first body byte is written: a file announced larger than --max-size is
 * refused (libcurl's CURLOPT_MAXFILESIZE_LARGE cannot count the bytes a resumed .part
 * already has), and so is one the file system has no room for.
 */
static bool size_acceptable(struct transfer *t)
{
	curl_off_t length = -1;
	char size_s[16], limit_s[16], free_s[16];
	curl_easy_getinfo(t->curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
	if (length < 0)
		return true; /* not announced: write_body counts the bytes instead */
	if (length > t->opt->max_size - t->offset) {
		refuse(t, FETCH_PERMANENT, true,
		       "%s is %s, above the size limit of %s (--max-size): refused, nothing written",
		       t->progress->name, human_size((double)(t->offset + length), size_s, sizeof size_s),
		       human_size((double)t->opt->max_size, limit_s, sizeof limit_s));
		return false;
	}
	struct statvfs vfs;
	if (fstatvfs(t->fd, &vfs) == 0 && (uint64_t)length > (uint64_t)vfs.f_bavail * vfs.f_frsize) {
		char *dir_copy = strdup(t->part_path);
		refuse(t, FETCH_LOCAL, false, "no room for it in %s: %s to download from %s, %s free",
		       dir_copy ? dirname(dir_copy) : t->part_path,
		       human_size((double)length, size_s, sizeof size_s), t->url,
		       human_size((double)vfs.f_bavail * (double)vfs.f_frsize, free_s, sizeof free_s));
		free(dir_copy);
		return false;
	}
	return true;
}

static size_t write_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct transfer *t = userdata;
	size_t len = size * nmemb;
	t->last_data = progress_now();
	if (!t->checked_resume) {
		t->checked_resume = true;
		if (check_resume(t) < 0) {
			t->write_errno = errno;
			return 0;
		}
		if (t->range_refused)
			return 0; /* makes curl stop; run_transfer asks for a fresh transfer */
		if (!size_acceptable(t))
			return 0; /* makes curl stop with CURLE_WRITE_ERROR */
	}
	/* No length announced, or a false one: stop at the limit rather than fill the disk. */
	if ((int64_t)len > t->opt->max_size - t->offset - t->written) {
		char limit_s[16];
		refuse(t, FETCH_PERMANENT, true,
		       "%s went past the size limit of %s (--max-size): stopped, .part removed",
		       t->progress->name, human_size((double)t->opt->max_size, limit_s, sizeof limit_s));
		return 0;
	}
	for (size_t done = 0; done < len;) {
		ssize_t n = write(t->fd, data + done, len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			t->write_errno = errno;
			return 0; /* makes curl stop with CURLE_WRITE_ERROR */
		}
		done += (size_t)n;
	}
	t->written += (int64_t)len;
	return len;
}

/*
 * Headers are data too: a server sending them is not stalled. Each response (a
 * redirect's, then the file's) starts with its status line: only the last one's
 * Content-Range counts.
 */
static size_t note_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct transfer *t = userdata;
	size_t len = size * nmemb;
	t->last_data = progress_now();
	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		t->range_seen = 0;
	} else {
		int parsed = content_range_parse(data, len, &t->range);
		if (parsed != 0)
			t->range_seen = parsed;
	}
	return len;
}

static int report_progress(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
			   curl_off_t ultotal, curl_off_t ulnow)
{
	(void)ultotal;
	(void)ulnow;
	struct transfer *t = userdata;
	progress_update(t->progress, dlnow, dltotal);

	/*
	 * The stall timeout is the time since the last byte, measured here rather than with
	 * CURLOPT_LOW_SPEED_*, whose average over a window let "no data for 30 s" come after
	 * about 36. libcurl calls this at least once a second, so that is the precision.
	 */
	double now = progress_now();
	curl_off_t connect_us = 0;
	curl_easy_getinfo(t->curl, CURLINFO_CONNECT_TIME_T, &connect_us);
	if (connect_us == 0) {
		t->last_data = now; /* still resolving or connecting: --connect-timeout's business */
	} else if (now - t->last_data >= (double)t->opt->stall_timeout) {
		t->stalled_for = now - t->last_data;
		return 1; /* makes curl stop with CURLE_ABORTED_BY_CALLBACK */
	}
	return 0;
}

static void set_options(CURL *curl, const char *url, const struct fetch_options *opt,
			struct transfer *t, char *errbuf)
{
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiln-dl/1");
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85: the string forms replace the bitmasks */
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,ftp,file");
	/* A remote server must not redirect us to a local file. */
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https,ftp");
#else
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS,
			 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FTP | CURLPROTO_FILE));
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS,
			 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FTP));
#endif
	/* As the curl tool does: a private CA (a company mirror, the tests) without editing
	 * the system's store. */
	const char *ca_bundle = getenv("CURL_CA_BUNDLE");
	if (ca_bundle && *ca_bundle)
		curl_easy_setopt(curl, CURLOPT_CAINFO, ca_bundle);
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, (long)MAX_REDIRECTS);
	curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, opt->connect_timeout);
	/* Refuses an announced length above the limit at the headers; write_body checks
	 * again counting the .part, and counts bodies of no announced length. */
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)opt->max_size);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, note_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, report_progress);
	curl_easy_setopt(curl, CURLOPT_XFERINFODATA, t);
	curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
	if (t->offset > 0) {
		/* CURLOPT_RANGE rather than RESUME_FROM: libcurl then leaves a 200 answer to us,
		 * and we restart cleanly instead of failing. */
		char range[32];
		snprintf(range, sizeof range, "%lld-", (long long)t->offset);
		curl_easy_setopt(curl, CURLOPT_RANGE, range);
	}
}

/* Sort a libcurl failure into retry-worthy or not, with a reason a person can act on. */
static void classify(CURL *curl, CURLcode rc, const char *errbuf, const struct fetch_options *opt,
		     struct fetch_result *r)
{
	const char *detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
	long code = 0;
	curl_off_t connect_us = 0;

	r->status = FETCH_TRANSIENT;
	switch (rc) {
	case CURLE_HTTP_RETURNED_ERROR:
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
		snprintf(r->reason, sizeof r->reason, "HTTP %ld", code);
		/* Timeouts, rate limits and server errors pass; other 4xx answers will not change. */
		if (code != 408 && code != 429 && code < 500)
			r->status = FETCH_PERMANENT;
		return;
	case CURLE_COULDNT_CONNECT:
		snprintf(r->reason, sizeof r->reason, "cannot connect (%s)", detail);
		return;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		/* A name that does not exist (a typo, a retired site) will not
		 * appear in the seconds of a back-off: move on to the next URL. */
		snprintf(r->reason, sizeof r->reason,
			 "cannot resolve the host name (%s): check the URL's host, or the network", detail);
		r->status = FETCH_PERMANENT;
		return;
	case CURLE_OPERATION_TIMEDOUT:
		/* Stalls are caught in report_progress; the only timeout set is the connect one. */
		curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connect_us);
		if (connect_us == 0)
			snprintf(r->reason, sizeof r->reason,
				 "connect timed out after %ld s (--connect-timeout)", opt->connect_timeout);
		else
			snprintf(r->reason, sizeof r->reason, "timed out (%s)", detail);
		return;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SSL_CONNECT_ERROR:
		snprintf(r->reason, sizeof r->reason, "transfer cut (%s)", detail);
		return;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_REMOTE_FILE_NOT_FOUND:
	case CURLE_FILE_COULDNT_READ_FILE:
	case CURLE_REMOTE_ACCESS_DENIED:
	case CURLE_LOGIN_DENIED:
	case CURLE_TOO_MANY_REDIRECTS:
	case CURLE_PEER_FAILED_VERIFICATION:
		r->status = FETCH_PERMANENT;
		break;
	default:
		break;
	}
	snprintf(r->reason, sizeof r->reason, "%s", detail);
}

/* libcurl refused to resume (416, no REST, offset past the end): worth one fresh try. */
static bool resume_refused(CURL *curl, CURLcode rc)
{
	long code = 0;
	if (rc == CURLE_HTTP_RETURNED_ERROR) {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
		return code == 416;
	}
	return rc == CURLE_RANGE_ERROR || rc == CURLE_BAD_DOWNLOAD_RESUME ||
	       rc == CURLE_FTP_COULDNT_USE_REST;
}

static void run_transfer(const char *url, const char *part_path, int fd,
			 const struct fetch_options *opt, struct progress *progress,
			 struct fetch_result *r, bool *retry_fresh, bool *drop_part)
{
	char errbuf[CURL_ERROR_SIZE] = "";
	struct transfer t = { .url = url, .part_path = part_path, .opt = opt, .fd = fd,
			      .result = r, .progress = progress };
	*retry_fresh = false;
	*drop_part = false;

	struct stat st;
	if (fstat(fd, &st) < 0 || lseek(fd, 0, SEEK_END) < 0) {
		r->status = FETCH_LOCAL;
		snprintf(r->reason, sizeof r->reason, "cannot use the .part file: %s", strerror(errno));
		return;
	}
	t.offset = st.st_size;
	if (t.offset > opt->max_size) {
		/* Kept from a run with a larger limit: no file within this one continues it. */
		if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
			r->status = FETCH_LOCAL;
			snprintf(r->reason, sizeof r->reason, "cannot truncate the .part file: %s",
				 strerror(errno));
			return;
		}
		t.offset = 0;
	}

	t.curl = curl_easy_init();
	if (!t.curl) {
		r->status = FETCH_LOCAL;
		snprintf(r->reason, sizeof r->reason, "cannot create a libcurl handle");
		return;
	}
	set_options(t.curl, url, opt, &t, errbuf);
	progress_start(progress, url, t.offset);
	t.last_data = progress_now();
	CURLcode rc = curl_easy_perform(t.curl);
	progress_stop(progress);

	if (rc == CURLE_OK && !t.checked_resume && check_resume(&t) < 0)
		t.write_errno = errno; /* an empty 200 body after a range request */
	r->resumed_from = t.offset;

	char limit_s[16];
	if (t.refused) {
		*drop_part = t.drop_part;
	} else if (t.stalled_for > 0) {
		r->status = FETCH_TRANSIENT;
		snprintf(r->reason, sizeof r->reason, "stalled: no data for %ld s (--stall-timeout)",
			 (long)t.stalled_for);
	} else if (rc == CURLE_FILESIZE_EXCEEDED) {
		r->status = FETCH_PERMANENT;
		*drop_part = true;
		snprintf(r->reason, sizeof r->reason,
			 "%s is larger than the size limit of %s (--max-size): refused",
			 progress->name, human_size((double)opt->max_size, limit_s, sizeof limit_s));
	} else if (t.write_errno) {
		r->status = FETCH_LOCAL;
		snprintf(r->reason, sizeof r->reason, "cannot write the .part file: %s",
			 strerror(t.write_errno));
	} else if (rc == CURLE_OK) {
		r->status = FETCH_OK;
		r->reason[0] = '\0';
	} else if (t.offset > 0 && (t.range_refused || resume_refused(t.curl, rc))) {
		*retry_fresh = true;
	} else {
		classify(t.curl, rc, errbuf, opt, r);
	}
	curl_easy_cleanup(t.curl);
}

void fetch_attempt(const char *url, const char *part_path, const struct fetch_options *opt,
		   struct progress *progress, struct fetch_result *result)
{
	*result = (struct fetch_result){ 0 };
	int fd = open(part_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		result->status = FETCH_LOCAL;
		snprintf(result->reason, sizeof result->reason, "cannot open %s: %s",
			 part_path, strerror(errno));
		return;
	}
	bool retry_fresh, drop_part;
	run_transfer(url, part_path, fd, opt, progress, result, &retry_fresh, &drop_part);
	if (retry_fresh) {
		/* The server cannot continue our .part (it may be longer than the file): drop it. */
		if (ftruncate(fd, 0) < 0) {
			result->status = FETCH_LOCAL;
			snprintf(result->reason, sizeof result->reason, "cannot truncate %s: %s",
				 part_path, strerror(errno));
		} else {
			run_transfer(url, part_path, fd, opt, progress, result, &retry_fresh,
				     &drop_part);
		}
	}
	if (drop_part)
		unlink(part_path);
	if (close(fd) < 0 && result->status == FETCH_OK) {
		result->status = FETCH_LOCAL;
		snprintf(result->reason, sizeof result->reason, "cannot write %s: %s",
			 part_path, strerror(errno));
	}
}
