/* Kiln runtime: the shared type definitions behind the public headers.
 *
 * A header asks for exactly the types the standard gives it with
 * "#define __NEED_size_t" before including this file, so no header exposes
 * names it should not. Each type is defined once per translation unit;
 * C11 also tolerates the same typedef from gcc's <stddef.h>. */

#if defined(__NEED_size_t) && !defined(__DEFINED_size_t)
#define __DEFINED_size_t
typedef __SIZE_TYPE__ size_t;
#endif

#if defined(__NEED_ssize_t) && !defined(__DEFINED_ssize_t)
#define __DEFINED_ssize_t
typedef long ssize_t;
#endif

#if defined(__NEED_wchar_t) && !defined(__DEFINED_wchar_t) && !defined(__cplusplus)
#define __DEFINED_wchar_t
typedef __WCHAR_TYPE__ wchar_t;
#endif

#if defined(__NEED_locale_t) && !defined(__DEFINED_locale_t)
#define __DEFINED_locale_t
typedef struct __locale_struct *locale_t;
#endif

#if defined(__NEED_time_t) && !defined(__DEFINED_time_t)
#define __DEFINED_time_t
typedef long time_t;
#endif

#if defined(__NEED_clock_t) && !defined(__DEFINED_clock_t)
#define __DEFINED_clock_t
typedef long clock_t;
#endif

#if defined(__NEED_clockid_t) && !defined(__DEFINED_clockid_t)
#define __DEFINED_clockid_t
typedef int clockid_t;
#endif

#if defined(__NEED_struct_timespec) && !defined(__DEFINED_struct_timespec)
#define __DEFINED_struct_timespec
struct timespec { long tv_sec; long tv_nsec; };
#endif

#if defined(__NEED_off_t) && !defined(__DEFINED_off_t)
#define __DEFINED_off_t
typedef long off_t;
#endif

#if defined(__NEED_suseconds_t) && !defined(__DEFINED_suseconds_t)
#define __DEFINED_suseconds_t
typedef long suseconds_t;
#endif
