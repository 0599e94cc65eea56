/* Kiln runtime: internal interfaces shared between runtime units. */
#ifndef __KILN_INTERNAL_LIBC_H
#define __KILN_INTERNAL_LIBC_H

#include <stddef.h>
#include <stdint.h>

/* Console output for the runtime's own diagnostics (no stdio needed). */
void __console_puts(const char *s);

/* Print "kiln: <what> <hex ptr>\n" (ptr omitted if what ends with '\n')
 * on the console and abort. For heap and buffer checks. */
_Noreturn void __libc_fatal_ptr(const char *what, const void *ptr);
_Noreturn void __libc_fatal(const char *msg);

/* The heap the platform handed over, kept by the start-up code; the
 * allocator takes it on its first call, so an image that never allocates
 * does not link the allocator at all. */
extern uintptr_t __libc_heap_start;
extern size_t __libc_heap_size;

/* Hand [base, base+size) to the allocator. Callable more than once
 * (several regions); regions too small to hold a block are ignored. */
void __malloc_add_region(void *base, size_t size);

/* Flush stdout before exit; provided by the stdio part of the runtime. */
void __stdio_flush(void) __attribute__((weak));

/* Run the atexit handlers (in reverse order of registration). */
void __run_atexit(void);

#endif
