/* Kiln runtime: _FORTIFY_SOURCE wrappers for <string.h>, included by it.
 *
 * Each wrapper is a gnu_inline extern inline: it replaces calls in the
 * application, and no out-of-line copy is ever emitted (the runtime has the
 * real function). __builtin___X_chk folds to plain X when the size is known
 * to fit, and calls __X_chk (runtime/src/fortify/) otherwise. */
#ifndef _BITS_FORTIFY_H
#define _BITS_FORTIFY_H

#define __kiln_fortify extern __inline \
	__attribute__((__always_inline__, __gnu_inline__, __artificial__))
#define __kiln_bos(p) __builtin_object_size(p, _FORTIFY_SOURCE > 1)

void *__memcpy_chk(void *__restrict, const void *__restrict, size_t, size_t);
void *__memmove_chk(void *, const void *, size_t, size_t);
void *__memset_chk(void *, int, size_t, size_t);
char *__strcpy_chk(char *__restrict, const char *__restrict, size_t);
char *__strncpy_chk(char *__restrict, const char *__restrict, size_t, size_t);
char *__strcat_chk(char *__restrict, const char *__restrict, size_t);
char *__strncat_chk(char *__restrict, const char *__restrict, size_t, size_t);
char *__stpcpy_chk(char *__restrict, const char *__restrict, size_t);

__kiln_fortify void *memcpy(void *__restrict __d, const void *__restrict __s, size_t __n)
{
	return __builtin___memcpy_chk(__d, __s, __n, __kiln_bos(__d));
}

__kiln_fortify void *memmove(void *__d, const void *__s, size_t __n)
{
	return __builtin___memmove_chk(__d, __s, __n, __kiln_bos(__d));
}

__kiln_fortify void *memset(void *__d, int __c, size_t __n)
{
	return __builtin___memset_chk(__d, __c, __n, __kiln_bos(__d));
}

__kiln_fortify char *strcpy(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___strcpy_chk(__d, __s, __kiln_bos(__d));
}

__kiln_fortify char *strncpy(char *__restrict __d, const char *__restrict __s, size_t __n)
{
	return __builtin___strncpy_chk(__d, __s, __n, __kiln_bos(__d));
}

__kiln_fortify char *strcat(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___strcat_chk(__d, __s, __kiln_bos(__d));
}

__kiln_fortify char *strncat(char *__restrict __d, const char *__restrict __s, size_t __n)
{
	return __builtin___strncat_chk(__d, __s, __n, __kiln_bos(__d));
}

__kiln_fortify char *stpcpy(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___stpcpy_chk(__d, __s, __kiln_bos(__d));
}

#endif
