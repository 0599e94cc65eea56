#include <stdlib.h>
#include "internal/libc.h"

/* C requires room for at least 32 handlers; a fixed table keeps exit()
 * independent of the heap. */
#define ATEXIT_MAX 64

static void (*handlers[ATEXIT_MAX])(void);
static int count;

int atexit(void (*fn)(void))
{
	if (count == ATEXIT_MAX)
		return -1;
	handlers[count++] = fn;
	return 0;
}

void __run_atexit(void)
{
	/* A handler may register more handlers; they run too. */
	while (count > 0)
		handlers[--count]();
}
