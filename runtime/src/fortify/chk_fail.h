/* Kiln runtime: the fortify checks' failure path. */
#ifndef __KILN_FORTIFY_CHK_FAIL_H
#define __KILN_FORTIFY_CHK_FAIL_H

/* "kiln: buffer overflow detected in <fn>" on the console, then abort(). */
_Noreturn void __chk_fail(const char *fn);

#endif
