#include <stdlib.h>
#include "internal/platform.h"

#define QUICK_EXIT_MAX 32

static void (*handlers[QUICK_EXIT_MAX])(void);
static int count;

int at_quick_exit(void (*fn)(void))
{
	if (count == QUICK_EXIT_MAX)
		return -1;
	handlers[count++] = fn;
	return 0;
}

_Noreturn void quick_exit(int status)
{
	while (count > 0)
		handlers[--count]();
	solo5_exit(status);
}
