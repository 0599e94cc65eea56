/* Kiln runtime: <string.h> (C11 plus the common POSIX/BSD/GNU extras). */
#ifndef _STRING_H
#define _STRING_H

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_size_t
#define __NEED_locale_t
#include <bits/types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

void *memcpy(void *__restrict, const void *__restrict, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
void *memchr(const void *, int, size_t);

char *strcpy(char *__restrict, const char *__restrict);
char *strncpy(char *__restrict, const char *__restrict, size_t);
char *strcat(char *__restrict, const char *__restrict);
char *strncat(char *__restrict, const char *__restrict, size_t);

int strcmp(const char *, const char *);
int strncmp(const char *, const char *, size_t);
int strcoll(const char *, const char *);
size_t strxfrm(char *__restrict, const char *__restrict, size_t);

char *strchr(const char *, int);
char *strrchr(const char *, int);
size_t strcspn(const char *, const char *);
size_t strspn(const char *, const char *);
char *strpbrk(const char *, const char *);
char *strstr(const char *, const char *);
char *strtok(char *__restrict, const char *__restrict);
size_t strlen(const char *);
char *strerror(int);

/* POSIX */
char *strtok_r(char *__restrict, const char *__restrict, char **__restrict);
int strerror_r(int, char *, size_t);
char *stpcpy(char *__restrict, const char *__restrict);
char *stpncpy(char *__restrict, const char *__restrict, size_t);
size_t strnlen(const char *, size_t);
char *strdup(const char *);
char *strndup(const char *, size_t);
void *memccpy(void *__restrict, const void *__restrict, int, size_t);
char *strsignal(int);
int strcoll_l(const char *, const char *, locale_t);
size_t strxfrm_l(char *__restrict, const char *__restrict, size_t, locale_t);

/* BSD and GNU */
char *strsep(char **, const char *);
size_t strlcpy(char *, const char *, size_t);
size_t strlcat(char *, const char *, size_t);
void *memrchr(const void *, int, size_t);
void *memmem(const void *, size_t, const void *, size_t);
void *mempcpy(void *, const void *, size_t);
char *strchrnul(const char *, int);
char *strcasestr(const char *, const char *);
void explicit_bzero(void *, size_t);

#include <strings.h>

/* Fortify: with _FORTIFY_SOURCE and optimisation, calls whose destination
 * size the compiler knows are checked at run time (or folded when provably
 * safe); an overflow aborts with "kiln: buffer overflow detected in ...". */
#if defined(_FORTIFY_SOURCE) && _FORTIFY_SOURCE > 0 && defined(__OPTIMIZE__) \
    && !defined(__KILN_RUNTIME_BUILD) && !defined(__cplusplus)
#include <bits/fortify.h>
#endif

#ifdef __cplusplus
}
#endif

#endif
