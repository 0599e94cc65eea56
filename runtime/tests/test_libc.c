/* The rest of the runtime core: ctype vs glibc, setjmp/longjmp, program
 * start (argv from the command line, exit status, atexit order), assert
 * and fortify messages, signal/raise, locale, stdlib odds and ends. The
 * paths that end the program run in child processes. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness.h"

#define CTYPE_FNS(X) X(isalnum) X(isalpha) X(isblank) X(iscntrl) X(isdigit) X(isgraph) \
	X(islower) X(isprint) X(ispunct) X(isspace) X(isupper) X(isxdigit) X(tolower) X(toupper)
#define DECL(f) int kiln_##f(int);
CTYPE_FNS(DECL)

typedef struct { unsigned long jb[22]; } kiln_jmp_buf[1];
int kiln_setjmp(kiln_jmp_buf) __attribute__((returns_twice));
void kiln_longjmp(kiln_jmp_buf, int) __attribute__((noreturn));

struct kiln_start_info {
	const char *cmdline;
	uintptr_t heap_start;
	size_t heap_size;
};
int kiln_solo5_app_main(const struct kiln_start_info *);
int kiln_atexit(void (*)(void));
void kiln_exit(int) __attribute__((noreturn));
void kiln__Exit(int) __attribute__((noreturn));
void kiln_abort(void) __attribute__((noreturn));
void kiln___assert_fail(const char *, const char *, int, const char *) __attribute__((noreturn));
void *kiln___memcpy_chk(void *, const void *, size_t, size_t);
char *kiln___strcpy_chk(char *, const char *, size_t);
void (*kiln_signal(int, void (*)(int)))(int);
int kiln_raise(int);
char *kiln_setlocale(int, const char *);
struct lconv *kiln_localeconv(void);
char *kiln_getenv(const char *);
int kiln_abs(int);
long kiln_labs(long);
long long kiln_llabs(long long);
intmax_t kiln_imaxabs(intmax_t);
div_t kiln_div(int, int);
ldiv_t kiln_ldiv(long, long);
lldiv_t kiln_lldiv(long long, long long);
imaxdiv_t kiln_imaxdiv(intmax_t, intmax_t);
int kiln_rand(void);
void kiln_srand(unsigned);
int kiln_rand_r(unsigned *);
extern int kiln_errno;

static void test_ctype(void)
{
	/* Classes agree as truth values; tolower/toupper agree exactly. */
#define CMP(f)                                                                   \
	for (int c = -1; c < 256; c++) {                                         \
		int exact = !strcmp(#f, "tolower") || !strcmp(#f, "toupper");    \
		int same = exact ? kiln_##f(c) == f(c) : !kiln_##f(c) == !f(c);  \
		CHECK(same, #f "(%d): expected %d, got %d", c, f(c), kiln_##f(c)); \
	}
	CTYPE_FNS(CMP)
#undef CMP
}

static kiln_jmp_buf env;
static volatile int depth_reached;

static void __attribute__((noinline)) dive(int n, int val)
{
	volatile char pad[64];
	pad[0] = (char)n;
	depth_reached = n + pad[0] - n;
	if (n < 0)
		return;
	if (n == 0)
		kiln_longjmp(env, val);
	dive(n - 1, val);
}

static void test_setjmp(void)
{
	for (volatile int val = 0; val < 3; val++) {
		volatile int local = 1234;
		int r = kiln_setjmp(env);
		if (r == 0) {
			local = 5678;
			dive(20, val);
			CHECK(0, "longjmp returned");
		} else {
			CHECK(r == (val ? val : 1), "setjmp returned %d after longjmp(%d)", r, val);
			CHECK(local == 5678, "volatile local not preserved across longjmp");
		}
	}
}

/* main() of the program solo5_app_main starts (every symbol is prefixed,
 * so the runtime calls kiln_main). */
int kiln_main(int argc, char **argv)
{
	printf("argc=%d", argc);
	for (int i = 0; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	fflush(stdout);
	return argc == 1 ? 0 : 40 + argc;
}

static char heap_area[1 << 16] __attribute__((aligned(16)));

static void start_with(const char *cmdline)
{
	struct kiln_start_info si = {cmdline, (uintptr_t)heap_area, sizeof heap_area};
	kiln_solo5_app_main(&si);
}
static void start_args(void) { start_with("  hello  big\tworld --x=1 "); }
static void start_empty(void) { start_with(""); }

static void handler_a(void) { printf("a\n"); fflush(stdout); }
static void handler_b(void) { printf("b\n"); fflush(stdout); }
static void exit_with_handlers(void)
{
	kiln_atexit(handler_a);
	kiln_atexit(handler_b);
	kiln_exit(7);
}
int kiln_printf(const char *, ...);
static void exit_flushes_stdout(void)
{
	kiln_printf("no newline yet");
	kiln_exit(0);
}
static void quick_exit_skips_handlers(void)
{
	kiln_atexit(handler_a);
	kiln__Exit(3);
}
static void failing_assert(void) { kiln___assert_fail("x > 0", "app.c", 42, "compute"); }
static void overflowing_memcpy(void)
{
	char d[8];
	kiln___memcpy_chk(d, "0123456789", 10, sizeof d);
}
static void overflowing_strcpy(void)
{
	char d[4];
	kiln___strcpy_chk(d, "toolong", sizeof d);
}
static void calling_abort(void) { kiln_abort(); }

static volatile int caught;
static void on_signal(int sig) { caught = sig; }
static void abort_with_handler(void)
{
	kiln_signal(SIGABRT, on_signal);
	kiln_abort(); /* the handler runs, then the program still aborts */
}

static void test_program_paths(void)
{
	char out[1024];
	int st;

	st = h_run_captured(start_args, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 45, "solo5_app_main exit status %#x", st);
	CHECK(!strcmp(out, "argc=5 [kiln] [hello] [big] [world] [--x=1]\n"), "argv split: got \"%s\"", out);
	st = h_run_captured(start_empty, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(out, "argc=1 [kiln]\n"),
	      "empty command line: status %#x, \"%s\"", st, out);

	st = h_run_captured(exit_with_handlers, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "exit(7) status %#x", st);
	CHECK(!strcmp(out, "b\na\n"), "atexit handlers run in reverse order: got \"%s\"", out);
	st = h_run_captured(exit_flushes_stdout, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(out, "no newline yet"),
	      "exit() flushes stdout through __stdio_flush: status %#x, \"%s\"", st, out);
	st = h_run_captured(quick_exit_skips_handlers, out, sizeof out);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3 && !out[0], "_Exit skips atexit handlers");

	st = h_run_captured(failing_assert, out, sizeof out);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "assert failure aborts: status %#x", st);
	CHECK(!strcmp(out, "Assertion failed: x > 0 (app.c: compute: 42)\n"), "assert message: \"%s\"", out);

	st = h_run_captured(overflowing_memcpy, out, sizeof out);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && !strcmp(out, "kiln: buffer overflow detected in memcpy\n"),
	      "__memcpy_chk overflow: status %#x, \"%s\"", st, out);
	st = h_run_captured(overflowing_strcpy, out, sizeof out);
	CHECK(WIFSIGNALED(st) && strstr(out, "buffer overflow detected in strcpy"),
	      "__strcpy_chk overflow: status %#x, \"%s\"", st, out);

	st = h_run_captured(calling_abort, out, sizeof out);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "abort(): status %#x", st);
	st = h_run_captured(abort_with_handler, out, sizeof out);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "abort() with a SIGABRT handler still aborts");

	/* Inside fortify bounds nothing happens. */
	char d[16];
	CHECK(kiln___memcpy_chk(d, "0123456789", 10, sizeof d) == d && !memcmp(d, "0123456789", 10),
	      "__memcpy_chk within bounds copies");
}

static void test_signal(void)
{
	caught = 0;
	CHECK(kiln_signal(SIGUSR1, on_signal) == SIG_DFL, "first signal() returns SIG_DFL");
	CHECK(kiln_raise(SIGUSR1) == 0 && caught == SIGUSR1, "raise runs the handler");
	CHECK(kiln_signal(SIGUSR2, SIG_IGN) == SIG_DFL && kiln_raise(SIGUSR2) == 0, "raise of an ignored signal");
	kiln_errno = 0;
	CHECK(kiln_signal(0, on_signal) == SIG_ERR && kiln_errno == EINVAL, "signal(0) fails with EINVAL");
	CHECK(kiln_signal(SIGKILL, on_signal) == SIG_ERR, "SIGKILL cannot be caught");
}

static void test_stdlib(void)
{
	CHECK(!strcmp(kiln_setlocale(LC_ALL, NULL), "C"), "setlocale query");
	CHECK(!strcmp(kiln_setlocale(LC_ALL, ""), "C"), "setlocale \"\"");
	CHECK(!strcmp(kiln_setlocale(LC_NUMERIC, "POSIX"), "C"), "setlocale POSIX");
	CHECK(kiln_setlocale(LC_ALL, "de_DE.UTF-8") == NULL, "setlocale of an unknown locale fails");
	struct lconv *lc = kiln_localeconv();
	CHECK(!strcmp(lc->decimal_point, ".") && !strcmp(lc->thousands_sep, "") && lc->frac_digits == CHAR_MAX,
	      "localeconv: the C locale");
	CHECK(kiln_getenv("PATH") == NULL, "getenv returns NULL");

	CHECK(kiln_abs(INT_MIN + 1) == INT_MAX && kiln_labs(-5) == 5 && kiln_llabs(LLONG_MIN + 1) == LLONG_MAX &&
	      kiln_imaxabs(-9) == 9, "abs family");
	for (int i = 0; i < 1000; i++) {
		long long n = (long long)h_rand() >> (h_rand() % 60), d = ((long long)h_rand() >> (h_rand() % 62)) | 1;
		if (h_rand() % 2)
			d = -d;
		div_t a = kiln_div((int)n, (int)d), b = div((int)n, (int)d);
		CHECK(a.quot == b.quot && a.rem == b.rem, "div(%d, %d)", (int)n, (int)d);
		lldiv_t c = kiln_lldiv(n, d), e = lldiv(n, d);
		CHECK(c.quot == e.quot && c.rem == e.rem, "lldiv(%lld, %lld)", n, d);
		ldiv_t f = kiln_ldiv((long)n, (long)d);
		imaxdiv_t g = kiln_imaxdiv(n, d);
		CHECK(f.quot == e.quot && f.rem == e.rem && g.quot == e.quot && g.rem == e.rem, "ldiv/imaxdiv");
	}

	/* rand: in range, reproducible after srand, srand(1) is the default. */
	int first[4], again[4], hist[16] = {0};
	for (int i = 0; i < 4; i++)
		first[i] = kiln_rand();
	kiln_srand(1);
	for (int i = 0; i < 4; i++)
		again[i] = kiln_rand();
	CHECK(!memcmp(first, again, sizeof first), "srand(1) restarts the default sequence");
	for (int i = 0; i < 160000; i++) {
		int r = kiln_rand();
		CHECK(r >= 0 && r <= RAND_MAX, "rand() = %d out of range", r);
		hist[r >> 27]++;
	}
	for (int i = 0; i < 16; i++)
		CHECK(hist[i] > 9000 && hist[i] < 11000, "rand() distribution bucket %d: %d of 160000", i, hist[i]);
	unsigned s1 = 42, s2 = 42;
	CHECK(kiln_rand_r(&s1) == kiln_rand_r(&s2) && s1 == s2, "rand_r is a function of its state");
}

int main(void)
{
	test_ctype();
	test_setjmp();
	test_program_paths();
	test_signal();
	test_stdlib();
	return h_report("test_libc");
}
