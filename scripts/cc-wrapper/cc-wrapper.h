/*
 * What one generated compiler wrapper knows, written by package/pkg-target.mk
 * into <build>/.toolchain/<wrapper>.flags.c from .config: each list is a
 * NULL-terminated array of words, exactly as make splits the flags.
 */
#ifndef KILN_CC_WRAPPER_H
#define KILN_CC_WRAPPER_H

extern const char kiln_cc_name[];          /* x86_64-kiln-hvt-cc: for messages */
extern const char kiln_cc_compiler[];      /* the real compiler, found on PATH: gcc */
extern const char *const kiln_cc_launcher[]; /* put before the compiler in compiles (ccache, distcc), or empty */
extern const char *const kiln_cc_cflags[];   /* every compile and link */
extern const char *const kiln_cc_code_cflags[]; /* also, compiles that make code (-c, -S) */
extern const int kiln_cc_links;            /* 1: links images too; 0: compiles only */
extern const char *const kiln_cc_ldflags[];  /* a link: before the user's arguments */
extern const char *const kiln_cc_ldlibs[];   /* a link: after them */
extern const char kiln_cc_link_hint[];     /* a compile-only wrapper: which one links */

#endif
