/* Kiln runtime: <stdio.h>.
 *
 * A unikernel has a console and no files. stdout and stderr are console
 * streams (stdout line-buffered, stderr unbuffered) that write through
 * solo5_console_write(); stdin is a stream that is always at end of file.
 * The file functions exist because libraries reference them; they fail
 * cleanly (NULL or EOF, errno set) instead of being missing at link time.
 * Formatting (printf family) and string scanning (sscanf family) are
 * complete and exact: floating-point output is bit-identical to glibc.
 */
#ifndef _STDIO_H
#define _STDIO_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The v* functions take a va_list: its name comes from <stdarg.h> (C's
 * <stdio.h> must not define it); __builtin_va_list is its type. */
typedef struct __kiln_file FILE;
typedef long long fpos_t;

#define EOF (-1)
#define BUFSIZ 1024
#define FILENAME_MAX 4096
#define FOPEN_MAX 8
#define L_tmpnam 20
#define TMP_MAX 10000

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

#if defined(__GNUC__)
#define __kiln_printf_like(f, a) __attribute__((__format__(__printf__, f, a)))
#define __kiln_scanf_like(f, a) __attribute__((__format__(__scanf__, f, a)))
#else
#define __kiln_printf_like(f, a)
#define __kiln_scanf_like(f, a)
#endif

/* Formatted output. */
int printf(const char *__restrict, ...) __kiln_printf_like(1, 2);
int fprintf(FILE *__restrict, const char *__restrict, ...) __kiln_printf_like(2, 3);
int sprintf(char *__restrict, const char *__restrict, ...) __kiln_printf_like(2, 3);
int snprintf(char *__restrict, size_t, const char *__restrict, ...) __kiln_printf_like(3, 4);
int asprintf(char **__restrict, const char *__restrict, ...) __kiln_printf_like(2, 3);
int vprintf(const char *__restrict, __builtin_va_list) __kiln_printf_like(1, 0);
int vfprintf(FILE *__restrict, const char *__restrict, __builtin_va_list) __kiln_printf_like(2, 0);
int vsprintf(char *__restrict, const char *__restrict, __builtin_va_list) __kiln_printf_like(2, 0);
int vsnprintf(char *__restrict, size_t, const char *__restrict, __builtin_va_list)
	__kiln_printf_like(3, 0);
int vasprintf(char **__restrict, const char *__restrict, __builtin_va_list) __kiln_printf_like(2, 0);

/* Formatted input: complete over strings; stdin has no input device. */
int sscanf(const char *__restrict, const char *__restrict, ...) __kiln_scanf_like(2, 3);
int vsscanf(const char *__restrict, const char *__restrict, __builtin_va_list)
	__kiln_scanf_like(2, 0);
int scanf(const char *__restrict, ...) __kiln_scanf_like(1, 2);
int fscanf(FILE *__restrict, const char *__restrict, ...) __kiln_scanf_like(2, 3);
int vscanf(const char *__restrict, __builtin_va_list) __kiln_scanf_like(1, 0);
int vfscanf(FILE *__restrict, const char *__restrict, __builtin_va_list) __kiln_scanf_like(2, 0);

/* Character and block output. */
int fputc(int, FILE *);
int putc(int, FILE *);
int putchar(int);
int fputs(const char *__restrict, FILE *__restrict);
int puts(const char *);
size_t fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);
int fflush(FILE *);
int setvbuf(FILE *__restrict, char *__restrict, int, size_t);
void setbuf(FILE *__restrict, char *__restrict);

/* Character and block input: every stream is at end of file. */
int fgetc(FILE *);
int getc(FILE *);
int getchar(void);
int ungetc(int, FILE *);
char *fgets(char *__restrict, int, FILE *__restrict);
size_t fread(void *__restrict, size_t, size_t, FILE *__restrict);

/* Stream state. */
int ferror(FILE *);
int feof(FILE *);
void clearerr(FILE *);
void perror(const char *);

/* Files: there are none; these fail with errno set. */
FILE *fopen(const char *__restrict, const char *__restrict);
FILE *freopen(const char *__restrict, const char *__restrict, FILE *__restrict);
int fclose(FILE *);
int fseek(FILE *, long, int);
long ftell(FILE *);
void rewind(FILE *);
int fgetpos(FILE *__restrict, fpos_t *__restrict);
int fsetpos(FILE *, const fpos_t *);
int remove(const char *);
int rename(const char *, const char *);
FILE *tmpfile(void);
char *tmpnam(char *);

/* Single-threaded runtime: the unlocked forms are the same functions. */
int getc_unlocked(FILE *);
int putc_unlocked(int, FILE *);
int getchar_unlocked(void);
int putchar_unlocked(int);
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);

#ifdef __cplusplus
}
#endif

#endif /* _STDIO_H */
