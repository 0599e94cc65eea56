/* Built like an application against Kiln's headers only (-Werror): uses
 * the macros and types of every public header, then prints a few of
 * their values for test_app.c to compare. */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <time.h>

static_assert(sizeof(int64_t) == 8 && sizeof(intptr_t) == sizeof(void *), "stdint sizes");
static_assert(INT64_MIN < 0 && UINT32_MAX == 0xffffffffu && SIZE_MAX == UINTPTR_MAX, "stdint limits");
static_assert(LONG_MAX == INT64_MAX && CHAR_BIT == 8 && INT_MIN == -INT_MAX - 1, "limits");
static_assert(sizeof(time_t) == 8 && sizeof(off_t) == 8 && sizeof(ssize_t) == sizeof(size_t), "posix types");
static_assert(offsetof(struct tm, tm_year) == 5 * sizeof(int), "struct tm layout");

static jmp_buf env;

static int sum(int n, ...)
{
	va_list ap;
	int s = 0;

	va_start(ap, n);
	while (n--)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

int main(int argc, char **argv)
{
	volatile int jumped = 0;
	char buf[64];
	struct tm tm;
	time_t t = 86400 * 365;
	bool ok = true;

	(void)argc;
	(void)argv;
	if (setjmp(env) == 0 && !jumped) {
		jumped = 1;
		longjmp(env, 1);
	}
	assert(jumped == 1);
	ok &= isdigit('7') && !isalpha('7') && toupper('q') == 'Q';
	ok &= sum(3, 1, 2, 3) == 6;
	ok &= strtoimax("-42", NULL, 10) == -42 && imaxabs(-3) == 3;
	ok &= signal(SIGUSR1, SIG_IGN) == SIG_DFL && raise(SIGUSR1) == 0;
	ok &= !strcmp(setlocale(LC_ALL, "C"), "C");
	ok &= fpclassify(0.0) == FP_ZERO && isnan(NAN) && isinf(INFINITY) && signbit(-1.0);
	ok &= FLT_RADIX == 2 && DBL_MANT_DIG == 53;
	ok &= strcasecmp("ABC", "abc") == 0 && ffs(8) == 4;
	errno = 0;
	ok &= strtol("99999999999999999999", NULL, 10) == LONG_MAX && errno == ERANGE;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
	printf("%s %" PRId64 " %" PRIx32 " %s\n", buf, INT64_C(-1234567890123), UINT32_C(0xdeadbeef),
	       ok ? "ok" : "FAILED");
	return ok ? 0 : 1;
}
