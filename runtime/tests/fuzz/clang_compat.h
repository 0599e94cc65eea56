/* Kiln runtime fuzz build: forced into every runtime unit compiled with
 * clang. gcc predefines the function-like __INT64_C(c) & co. that
 * runtime/include/stdint.h's INT64_C(c) & co. expand to; clang 14 only
 * predefines the suffixes (__INT64_C_SUFFIX__), so build them from those. */
#ifndef __INT64_C
#define __KILN_PASTE2(a, b) a##b
#define __KILN_PASTE(a, b) __KILN_PASTE2(a, b)
#define __INT8_C(c) c
#define __INT16_C(c) c
#define __INT32_C(c) c
#define __INT64_C(c) __KILN_PASTE(c, __INT64_C_SUFFIX__)
#define __UINT8_C(c) c
#define __UINT16_C(c) c
#define __UINT32_C(c) __KILN_PASTE(c, __UINT32_C_SUFFIX__)
#define __UINT64_C(c) __KILN_PASTE(c, __UINT64_C_SUFFIX__)
#define __INTMAX_C(c) __KILN_PASTE(c, __INTMAX_C_SUFFIX__)
#define __UINTMAX_C(c) __KILN_PASTE(c, __UINTMAX_C_SUFFIX__)
#endif
