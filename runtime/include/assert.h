/* Kiln runtime: <assert.h>. Deliberately no include guard: the C standard
 * has assert follow NDEBUG at each inclusion. */
#undef assert

#ifdef NDEBUG
#define assert(x) ((void)0)
#else
#define assert(x) ((void)((x) || (__assert_fail(#x, __FILE__, __LINE__, __func__), 0)))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#if !defined(__cplusplus) && __STDC_VERSION__ >= 201112L
#define static_assert _Static_assert
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Prints "Assertion failed: expr (file: func: line)" and aborts. */
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);

#ifdef __cplusplus
}
#endif

#endif
