#include <stdlib.h>
#include "internal/platform.h"

_Noreturn void _Exit(int status)
{
	solo5_exit(status);
}
