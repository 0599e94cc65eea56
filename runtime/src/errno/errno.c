#include <errno.h>

/* Single-threaded runtime: errno is one plain global. */
int errno;
