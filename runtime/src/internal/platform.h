/* Kiln runtime: the platform calls the runtime uses (Solo5's application API).
 *
 * The boot shims provide <solo5.h> (boot/include). When it is not on the
 * include path (a host build of the runtime alone), the few calls the
 * runtime makes are declared here with Solo5's exact signatures. */
#ifndef __KILN_INTERNAL_PLATFORM_H
#define __KILN_INTERNAL_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#if defined(__has_include) && __has_include(<solo5.h>)
#include <solo5.h>
#else
typedef uint64_t solo5_time_t;
struct solo5_start_info {
	const char *cmdline;
	uintptr_t heap_start;
	size_t heap_size;
};
int solo5_app_main(const struct solo5_start_info *si);
void solo5_exit(int status) __attribute__((noreturn));
void solo5_abort(void) __attribute__((noreturn));
void solo5_console_write(const char *buf, size_t size);
solo5_time_t solo5_clock_monotonic(void);
solo5_time_t solo5_clock_wall(void);
#endif

#endif
