/* Kiln runtime: <alloca.h>. */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#define __NEED_size_t
#include <bits/types.h>

void *alloca(size_t);
#define alloca __builtin_alloca

#endif
