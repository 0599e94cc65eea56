/* app_fortify.c at _FORTIFY_SOURCE=3: level 2's sizes, computed at run
 * time where the compiler can (__builtin_dynamic_object_size). */
#define _FORTIFY_SOURCE 3
#include "app_fortify.c"
