/* Kiln runtime host tests: shared helpers for test_*.c.
 *
 *   CHECK(cond, fmt, ...)   count a check; on failure print the message
 *                           (input, expected, got) for the first few
 *   return h_report("test_name");   summary line, exit status 0 or 1
 *   h_rand()                deterministic 64-bit random numbers; seed with
 *                           KILN_TEST_SEED=<n> to vary the run
 *   h_iterations(n)         n scaled by KILN_TEST_ITERATIONS (a factor,
 *                           e.g. 0.1 for a quick run, 10 for a long one)
 *   h_check_printf(fmt, ...)  CHECK that kiln_vsnprintf formats like glibc's
 *                           vsnprintf: same return value, same bytes
 *   h_run_captured(fn, out, size)  run fn in a child, its stdout captured;
 *                           returns the wait status (for what must abort)
 *
 * The runtime under test is linked in with every symbol prefixed kiln_;
 * declare what you use, e.g. size_t kiln_strlen(const char *);
 * kiln's malloc works from the start (host_solo5.c gives it a heap). */
#ifndef KILN_TESTS_HARNESS_H
#define KILN_TESTS_HARNESS_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef H_MAX_REPORTS
#define H_MAX_REPORTS 10
#endif

static unsigned long h_checks, h_failed;

#define CHECK(cond, ...)                                                   \
	do {                                                               \
		h_checks++;                                                \
		if (!(cond) && h_failed++ < H_MAX_REPORTS) {               \
			printf("  FAIL %s:%d: ", __FILE__, __LINE__);      \
			printf(__VA_ARGS__);                               \
			printf("\n");                                      \
		}                                                          \
	} while (0)

static inline int h_report(const char *name)
{
	printf("%s: %lu checks, %lu failed\n", name, h_checks, h_failed);
	fflush(stdout);
	return h_failed ? 1 : 0;
}

static uint64_t h_rand_state;

static inline uint64_t h_rand(void)
{
	/* xorshift64*: fast, good enough to drive test inputs. */
	if (!h_rand_state) {
		const char *s = getenv("KILN_TEST_SEED");
		h_rand_state = s ? strtoull(s, NULL, 0) * 2 + 1 : 0x9e3779b97f4a7c15ULL;
	}
	h_rand_state ^= h_rand_state >> 12;
	h_rand_state ^= h_rand_state << 25;
	h_rand_state ^= h_rand_state >> 27;
	return h_rand_state * 0x2545f4914f6cdd1dULL;
}

static inline long h_iterations(long n)
{
	const char *s = getenv("KILN_TEST_ITERATIONS");
	double f = s ? strtod(s, NULL) : 1.0;
	long r = (long)(n * f);
	return r > 0 ? r : 1;
}

int kiln_vsnprintf(char *, size_t, const char *, va_list);

/* Outputs up to this size are compared whole (test_printf_fp's largest
 * are a few thousand bytes); a failure shows the first 200 bytes of each. */
#define H_PRINTF_BUF 20000

static inline void h_check_printf(const char *fmt, ...)
{
	static char want[H_PRINTF_BUF], got[H_PRINTF_BUF];
	va_list a, b;
	int rw, rg;

	va_start(a, fmt);
	va_copy(b, a);
	rw = vsnprintf(want, sizeof want, fmt, a);
	rg = kiln_vsnprintf(got, sizeof got, fmt, b);
	va_end(b);
	va_end(a);
	CHECK(rw == rg && strcmp(want, got) == 0,
	      "format \"%s\": glibc %d \"%.200s\", kiln %d \"%.200s\"", fmt, rw, want, rg, got);
}

/* Console capture (host_solo5.c): when kiln_host_console_buf is set,
 * solo5_console_write appends there (up to _cap) instead of writing fd 1. */
extern char *kiln_host_console_buf;
extern size_t kiln_host_console_len, kiln_host_console_cap;

/* Run fn in a child process with its stdout captured in out (at most
 * size - 1 bytes, NUL-terminated); return the child's wait status, or -1
 * when the pipe or the fork failed. A child whose fn returns exits 99. */
static inline int h_run_captured(void (*fn)(void), char *out, size_t size)
{
	int fds[2], status = 0;
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		fn();
		_exit(99);
	}
	close(fds[1]);
	while (got < size - 1 && (r = read(fds[0], out + got, size - 1 - got)) > 0)
		got += (size_t)r;
	out[got] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	return status;
}

#endif
