/* Kiln runtime: <stdlib.h> (C11 plus the POSIX allocation extras). */
#ifndef _STDLIB_H
#define _STDLIB_H

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_size_t
#define __NEED_wchar_t
#include <bits/types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
#define MB_CUR_MAX ((size_t)1)

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

int atoi(const char *);
long atol(const char *);
long long atoll(const char *);
double atof(const char *);

double strtod(const char *__restrict, char **__restrict);
float strtof(const char *__restrict, char **__restrict);
long double strtold(const char *__restrict, char **__restrict);
long strtol(const char *__restrict, char **__restrict, int);
unsigned long strtoul(const char *__restrict, char **__restrict, int);
long long strtoll(const char *__restrict, char **__restrict, int);
unsigned long long strtoull(const char *__restrict, char **__restrict, int);

int rand(void);
void srand(unsigned);
int rand_r(unsigned *);

void *malloc(size_t) __attribute__((__malloc__, __alloc_size__(1)));
void *calloc(size_t, size_t) __attribute__((__malloc__, __alloc_size__(1, 2)));
void *realloc(void *, size_t) __attribute__((__alloc_size__(2)));
void free(void *);
void *aligned_alloc(size_t, size_t) __attribute__((__malloc__, __alloc_align__(1), __alloc_size__(2)));
int posix_memalign(void **, size_t, size_t);
void *reallocarray(void *, size_t, size_t);
size_t malloc_usable_size(void *);

_Noreturn void abort(void);
int atexit(void (*)(void));
_Noreturn void exit(int);
_Noreturn void _Exit(int);
int at_quick_exit(void (*)(void));
_Noreturn void quick_exit(int);

/* There is no environment in a unikernel: getenv always returns NULL. */
char *getenv(const char *);
int system(const char *);

void *bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);

int abs(int);
long labs(long);
long long llabs(long long);
div_t div(int, int);
ldiv_t ldiv(long, long);
lldiv_t lldiv(long long, long long);

int mblen(const char *, size_t);
int mbtowc(wchar_t *__restrict, const char *__restrict, size_t);
int wctomb(char *, wchar_t);
size_t mbstowcs(wchar_t *__restrict, const char *__restrict, size_t);
size_t wcstombs(char *__restrict, const wchar_t *__restrict, size_t);

#ifdef __cplusplus
}
#endif

#endif
