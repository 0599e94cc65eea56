/* app_fortify.c at _FORTIFY_SOURCE=1: str* functions are checked against
 * the whole object, not the member (glibc's level 1). */
#define _FORTIFY_SOURCE 1
#include "app_fortify.c"
