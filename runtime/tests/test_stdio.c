/* stdio outside the formatting engine: snprintf's truncation and return
 * value, sprintf/asprintf, the console streams (buffering modes, what
 * reaches solo5_console_write and when), the input side (always end of
 * file) and the file functions that fail cleanly. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "harness.h"

/* Truncation is what these tests are about. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

typedef struct kiln_file KFILE;
extern KFILE *const kiln_stdin, *const kiln_stdout, *const kiln_stderr;
extern int kiln_errno;

int kiln_snprintf(char *, size_t, const char *, ...);
int kiln_sprintf(char *, const char *, ...);
int kiln_asprintf(char **, const char *, ...);
int kiln_vasprintf(char **, const char *, va_list);
int kiln_printf(const char *, ...);
int kiln_fprintf(KFILE *, const char *, ...);
int kiln_puts(const char *);
int kiln_fputs(const char *, KFILE *);
int kiln_fputc(int, KFILE *);
int kiln_putchar(int);
size_t kiln_fwrite(const void *, size_t, size_t, KFILE *);
int kiln_fflush(KFILE *);
int kiln_setvbuf(KFILE *, char *, int, size_t);
void kiln___stdio_flush(void);
int kiln_fgetc(KFILE *);
int kiln_ungetc(int, KFILE *);
char *kiln_fgets(char *, int, KFILE *);
size_t kiln_fread(void *, size_t, size_t, KFILE *);
int kiln_feof(KFILE *);
int kiln_ferror(KFILE *);
void kiln_clearerr(KFILE *);
void kiln_perror(const char *);
KFILE *kiln_fopen(const char *, const char *);
int kiln_fseek(KFILE *, long, int);
long kiln_ftell(KFILE *);
int kiln_remove(const char *);
int kiln_rename(const char *, const char *);
KFILE *kiln_tmpfile(void);
int kiln_scanf(const char *, ...);
int kiln_fscanf(KFILE *, const char *, ...);
void kiln_free(void *);

/* glibc's and kiln's values of _IOFBF & co. are the same (0, 1, 2). */

static void snprintf_truncation(void)
{
	char buf[32];
	const char *text = "0123456789abcdef";

	for (size_t size = 0; size <= 20; size++) {
		memset(buf, '#', sizeof buf);
		int r = kiln_snprintf(size ? buf : NULL, size, "%s", text);
		CHECK(r == 16, "snprintf(size %zu) returned %d, want 16", size, r);
		if (size > 0) {
			size_t kept = size - 1 < 16 ? size - 1 : 16;
			CHECK(memcmp(buf, text, kept) == 0 && buf[kept] == '\0',
			      "snprintf(size %zu) stored \"%.*s\"", size, (int)kept + 1, buf);
			CHECK(buf[kept + 1] == '#', "snprintf(size %zu) wrote past the NUL", size);
		} else {
			CHECK(buf[0] == '#', "snprintf(size 0) wrote");
		}
	}
	/* Truncation in the middle of padding, numbers and floats. */
	for (size_t size = 1; size <= 30; size++) {
		char want[32], got[32];
		memset(want, '#', sizeof want);
		memset(got, '#', sizeof got);
		int rw = snprintf(want, size, "%-8d|%08.3f|%#x|%10s", -42, 3.14159, 255, "abc");
		int rg = kiln_snprintf(got, size, "%-8d|%08.3f|%#x|%10s", -42, 3.14159, 255, "abc");
		CHECK(rw == rg && memcmp(want, got, sizeof want) == 0,
		      "truncated at %zu: glibc %d \"%s\", kiln %d \"%s\"", size, rw, want, rg, got);
	}
	int n = -1;
	int r = kiln_snprintf(buf, sizeof buf, "%s%n", "", &n);
	CHECK(r == 0 && n == 0 && buf[0] == '\0', "snprintf of nothing: %d", r);
	/* A result beyond INT_MAX is EOVERFLOW. */
	kiln_errno = 0;
	r = kiln_snprintf(NULL, 0, "%2147483647d%d", 1, 2);
	CHECK(r == -1 && kiln_errno == EOVERFLOW, "over INT_MAX: r=%d errno=%d", r, kiln_errno);
	kiln_errno = 0;
	r = kiln_snprintf(NULL, 0, "%2147483647d", 1);
	CHECK(r == 2147483647, "exactly INT_MAX: r=%d", r);
}

static void sprintf_asprintf(void)
{
	char buf[64];
	char *s = NULL;

	int r = kiln_sprintf(buf, "%d-%s-%.2f", 7, "x", 2.5);
	CHECK(r == 8 && strcmp(buf, "7-x-2.50") == 0, "sprintf: %d \"%s\"", r, buf);
	r = kiln_asprintf(&s, "%s=%05d %g", "key", 42, 1e-7);
	CHECK(r == 15 && s && strcmp(s, "key=00042 1e-07") == 0, "asprintf: %d \"%s\"", r,
	      s ? s : "(null)");
	kiln_free(s);
	/* Growth well past the first allocation. */
	r = kiln_asprintf(&s, "%5000d|%.3000f", 1, 1.0);
	CHECK(r == 5000 + 1 + 3002 && s && strlen(s) == (size_t)r && s[4999] == '1' && s[5000] == '|',
	      "asprintf of 8003 chars: %d", r);
	kiln_free(s);
}

/* Console capture: host_solo5.c appends console writes here. */
static char console[8192];

static void capture_start(void)
{
	kiln_host_console_buf = console;
	kiln_host_console_cap = sizeof console - 1;
	kiln_host_console_len = 0;
}

static int console_is(const char *want)
{
	console[kiln_host_console_len] = '\0';
	return strcmp(console, want) == 0;
}

static void console_streams(void)
{
	capture_start();
	int r = kiln_printf("partial %d", 1);
	CHECK(r == 9 && console_is(""), "stdout is line-buffered: console has \"%s\"", console);
	kiln_fputs(" more\nnext", kiln_stdout);
	CHECK(console_is("partial 1 more\n"), "newline flushes: console has \"%s\"", console);
	kiln_fflush(kiln_stdout);
	CHECK(console_is("partial 1 more\nnext"), "fflush: console has \"%s\"", console);

	capture_start();
	kiln_fprintf(kiln_stderr, "err %s", "now");
	CHECK(console_is("err now"), "stderr is unbuffered: console has \"%s\"", console);

	capture_start();
	CHECK(kiln_putchar('a') == 'a', "putchar return");
	CHECK(kiln_fputc(0x1ff, kiln_stdout) == 0xff, "fputc returns the unsigned char");
	CHECK(kiln_fwrite("bcdef", 2, 2, kiln_stdout) == 2, "fwrite count");
	CHECK(kiln_puts("!") >= 0, "puts return");
	CHECK(console_is("a\xff" "bcde!\n"), "putchar/fputc/fwrite/puts: \"%s\"", console);

	/* Full buffering holds newlines; __stdio_flush (exit's hook) writes. */
	capture_start();
	kiln_setvbuf(kiln_stdout, NULL, 0 /* _IOFBF */, 0);
	kiln_printf("line 1\nline 2\n");
	CHECK(console_is(""), "full buffering wrote early: \"%s\"", console);
	kiln___stdio_flush();
	CHECK(console_is("line 1\nline 2\n"), "__stdio_flush: \"%s\"", console);

	/* More than the buffer goes through whole. */
	capture_start();
	char big[3000];
	memset(big, 'z', sizeof big);
	kiln_fwrite(big, 1, sizeof big, kiln_stdout);
	kiln_fflush(NULL);
	CHECK(kiln_host_console_len == sizeof big, "large fwrite: %zu bytes", kiln_host_console_len);

	/* Unbuffered stdout writes at once; a caller's buffer is used. */
	capture_start();
	kiln_setvbuf(kiln_stdout, NULL, 2 /* _IONBF */, 0);
	kiln_printf("now");
	CHECK(console_is("now"), "unbuffered stdout: \"%s\"", console);
	static char mine[16];
	capture_start();
	kiln_setvbuf(kiln_stdout, mine, 1 /* _IOLBF */, sizeof mine);
	kiln_printf("abc");
	CHECK(console_is("") && memcmp(mine, "abc", 3) == 0, "caller's buffer not used");
	kiln_printf("\n");
	CHECK(console_is("abc\n"), "caller's line buffer: \"%s\"", console);
	CHECK(kiln_setvbuf(kiln_stdout, NULL, 7, 0) != 0, "setvbuf accepted mode 7");
	kiln_setvbuf(kiln_stdout, NULL, 1 /* _IOLBF */, 0);

	capture_start();
	kiln_errno = EDOM;
	kiln_perror("ctx");
	CHECK(strncmp(console, "ctx: ", 5) == 0 && console[kiln_host_console_len - 1] == '\n',
	      "perror: \"%s\"", console);
	kiln_host_console_buf = NULL;
}

static void input_side(void)
{
	char buf[16] = "unchanged";

	CHECK(kiln_fgetc(kiln_stdin) == EOF && kiln_feof(kiln_stdin), "stdin not at EOF");
	kiln_clearerr(kiln_stdin);
	CHECK(!kiln_feof(kiln_stdin), "clearerr kept EOF");
	CHECK(kiln_ungetc('q', kiln_stdin) == 'q', "ungetc refused");
	CHECK(kiln_fgetc(kiln_stdin) == 'q', "ungetc char not read back");
	CHECK(kiln_fgets(buf, sizeof buf, kiln_stdin) == NULL && strcmp(buf, "unchanged") == 0,
	      "fgets at EOF");
	CHECK(kiln_fread(buf, 1, 4, kiln_stdin) == 0, "fread at EOF");
	int x;
	CHECK(kiln_scanf("%d", &x) == EOF, "scanf without input");
	CHECK(kiln_fscanf(kiln_stdin, "%d", &x) == EOF, "fscanf without input");

	kiln_errno = 0;
	CHECK(kiln_fputc('x', kiln_stdin) == EOF && kiln_ferror(kiln_stdin) && kiln_errno == EBADF,
	      "writing stdin: errno %d", kiln_errno);
	kiln_clearerr(kiln_stdin);
	kiln_errno = 0;
	CHECK(kiln_fgetc(kiln_stdout) == EOF && kiln_ferror(kiln_stdout) && kiln_errno == EBADF,
	      "reading stdout: errno %d", kiln_errno);
	kiln_clearerr(kiln_stdout);
}

static void files(void)
{
	kiln_errno = 0;
	CHECK(kiln_fopen("/etc/passwd", "r") == NULL && kiln_errno == ENOSYS, "fopen: errno %d",
	      kiln_errno);
	kiln_errno = 0;
	CHECK(kiln_tmpfile() == NULL && kiln_errno == ENOSYS, "tmpfile");
	CHECK(kiln_remove("x") == -1 && kiln_rename("x", "y") == -1, "remove/rename");
	kiln_errno = 0;
	CHECK(kiln_fseek(kiln_stdout, 0, 0) == -1 && kiln_errno == ESPIPE, "fseek on console");
	CHECK(kiln_ftell(kiln_stdout) == -1, "ftell on console");
}

int main(void)
{
	snprintf_truncation();
	sprintf_asprintf();
	console_streams();
	input_side();
	files();
	return h_report("test_stdio");
}
