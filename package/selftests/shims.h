/*
 * selftests: what the build substitutes for the C library in upstream test
 * objects (selftests.mk renames the calls with objcopy --redefine-sym or
 * redirects them with -D; see each definition for why).
 */
#ifndef SELFTESTS_SHIMS_H
#define SELFTESTS_SHIMS_H

#include <stddef.h>
#include <stdio.h>

/* cJSON's tests: fopen & co. on the files built into the image. */
FILE *selftests_fopen(const char *path, const char *mode);
int selftests_fseek(FILE *f, long offset, int whence);
long selftests_ftell(FILE *f);
size_t selftests_fread(void *buf, size_t size, size_t n, FILE *f);
int selftests_fclose(FILE *f);

/* Mbed TLS's selftest program: its exit() returns to the suite instead of
 * ending the image (MBEDTLS_PLATFORM_EXIT_MACRO). */
void selftests_mbedtls_exit(int status) __attribute__((noreturn));

#endif
