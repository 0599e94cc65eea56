/* Kiln runtime: _FORTIFY_SOURCE wrappers for <string.h>, included by it.
 *
 * Each wrapper is a gnu_inline extern inline: it replaces calls in the
 * application, and no out-of-line copy is ever emitted (the runtime has the
 * real function). __builtin___X_chk folds to plain X when the size is known
 * to fit, and calls __X_chk (runtime/src/fortify/) otherwise.
 *
 * The sizes checked are glibc's, so that code fortified there passes here:
 *  - mem* functions (memcpy, memmove, mempcpy, memset, explicit_bzero) check
 *    against the whole object the destination points into, at every level
 *    (__builtin_object_size mode 0): writing from a member to the end of
 *    its struct, as in memset(&p->tail, 0, sizeof *p - offsetof(T, tail)),
 *    is valid C and common;
 *  - str* functions (strcpy, stpcpy, strncpy, stpncpy, strcat, strncat)
 *    check against the whole object at level 1 and against the member
 *    (the closest enclosing sub-object, mode 1) from level 2;
 *  - level 3 computes the same sizes at run time where the compiler can
 *    (__builtin_dynamic_object_size, gcc 12, clang 9), e.g. malloc(n).
 */
#ifndef _BITS_FORTIFY_H
#define _BITS_FORTIFY_H

#define __kiln_fortify extern __inline \
	__attribute__((__always_inline__, __gnu_inline__, __artificial__))

#if _FORTIFY_SOURCE > 2 && defined(__has_builtin)
#if __has_builtin(__builtin_dynamic_object_size)
#define __kiln_objsize(p, mode) __builtin_dynamic_object_size(p, mode)
#endif
#endif
#ifndef __kiln_objsize
#define __kiln_objsize(p, mode) __builtin_object_size(p, mode)
#endif
/* The destination's size for mem* (whole object) and str* (by level). */
#define __kiln_bos_mem(p) __kiln_objsize(p, 0)
#define __kiln_bos_str(p) __kiln_objsize(p, _FORTIFY_SOURCE > 1)

void *__memcpy_chk(void *__restrict, const void *__restrict, size_t, size_t);
void *__memmove_chk(void *, const void *, size_t, size_t);
void *__mempcpy_chk(void *__restrict, const void *__restrict, size_t, size_t);
void *__memset_chk(void *, int, size_t, size_t);
void __explicit_bzero_chk(void *, size_t, size_t);
char *__strcpy_chk(char *__restrict, const char *__restrict, size_t);
char *__strncpy_chk(char *__restrict, const char *__restrict, size_t, size_t);
char *__strcat_chk(char *__restrict, const char *__restrict, size_t);
char *__strncat_chk(char *__restrict, const char *__restrict, size_t, size_t);
char *__stpcpy_chk(char *__restrict, const char *__restrict, size_t);
char *__stpncpy_chk(char *__restrict, const char *__restrict, size_t, size_t);

__kiln_fortify void *memcpy(void *__restrict __d, const void *__restrict __s, size_t __n)
{
	return __builtin___memcpy_chk(__d, __s, __n, __kiln_bos_mem(__d));
}

__kiln_fortify void *memmove(void *__d, const void *__s, size_t __n)
{
	return __builtin___memmove_chk(__d, __s, __n, __kiln_bos_mem(__d));
}

__kiln_fortify void *mempcpy(void *__d, const void *__s, size_t __n)
{
	return __builtin___mempcpy_chk(__d, __s, __n, __kiln_bos_mem(__d));
}

__kiln_fortify void *memset(void *__d, int __c, size_t __n)
{
	return __builtin___memset_chk(__d, __c, __n, __kiln_bos_mem(__d));
}

/* No builtin: the check is always a call (clearing secrets is not hot). */
__kiln_fortify void explicit_bzero(void *__d, size_t __n)
{
	__explicit_bzero_chk(__d, __n, __kiln_bos_mem(__d));
}

__kiln_fortify char *strcpy(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___strcpy_chk(__d, __s, __kiln_bos_str(__d));
}

__kiln_fortify char *stpcpy(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___stpcpy_chk(__d, __s, __kiln_bos_str(__d));
}

__kiln_fortify char *strncpy(char *__restrict __d, const char *__restrict __s, size_t __n)
{
	return __builtin___strncpy_chk(__d, __s, __n, __kiln_bos_str(__d));
}

__kiln_fortify char *stpncpy(char *__restrict __d, const char *__restrict __s, size_t __n)
{
	return __builtin___stpncpy_chk(__d, __s, __n, __kiln_bos_str(__d));
}

__kiln_fortify char *strcat(char *__restrict __d, const char *__restrict __s)
{
	return __builtin___strcat_chk(__d, __s, __kiln_bos_str(__d));
}

__kiln_fortify char *strncat(char *__restrict __d, const char *__restrict __s, size_t __n)
{
	return __builtin___strncat_chk(__d, __s, __n, __kiln_bos_str(__d));
}

#endif
