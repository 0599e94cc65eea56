/* Kiln runtime: <setjmp.h>. No signal masks, so sigsetjmp is setjmp. */
#ifndef _SETJMP_H
#define _SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif

/* x86_64: rbx rbp r12 r13 r14 r15 rsp rip; aarch64: x19-x30, sp, d8-d15
 * (21 slots; runtime/src/setjmp/<arch>/setjmp.S). */
typedef unsigned long __jmp_buf[22];
typedef struct __jmp_buf_tag {
	__jmp_buf __jb;
} jmp_buf[1], sigjmp_buf[1];

int setjmp(jmp_buf) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf, int);
int _setjmp(jmp_buf) __attribute__((__returns_twice__));
_Noreturn void _longjmp(jmp_buf, int);

#define sigsetjmp(env, savesigs) setjmp(env)
#define siglongjmp(env, val) longjmp(env, val)
#define setjmp setjmp

#ifdef __cplusplus
}
#endif

#endif
