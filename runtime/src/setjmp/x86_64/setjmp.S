/* Kiln runtime: setjmp/longjmp for x86_64 (System V ABI).
 * Saves the callee-saved registers, the caller's stack pointer and the
 * return address; no floating-point state (the ABI makes x87/SSE control
 * words callee-saved, but the runtime core does not change them). */
	.text
	.globl setjmp, _setjmp, longjmp, _longjmp
	.type setjmp, @function
	.type _setjmp, @function
	.type longjmp, @function
	.type _longjmp, @function
setjmp:
_setjmp:
	mov %rbx, 0(%rdi)
	mov %rbp, 8(%rdi)
	mov %r12, 16(%rdi)
	mov %r13, 24(%rdi)
	mov %r14, 32(%rdi)
	mov %r15, 40(%rdi)
	lea 8(%rsp), %rdx	/* the caller's rsp once we have returned */
	mov %rdx, 48(%rdi)
	mov (%rsp), %rdx	/* our return address */
	mov %rdx, 56(%rdi)
	xor %eax, %eax
	ret
	.size setjmp, . - setjmp
	.size _setjmp, . - _setjmp

longjmp:
_longjmp:
	/* setjmp must appear to return val, or 1 if val is 0. */
	mov %esi, %eax
	test %eax, %eax
	jnz 1f
	inc %eax
1:	mov 0(%rdi), %rbx
	mov 8(%rdi), %rbp
	mov 16(%rdi), %r12
	mov 24(%rdi), %r13
	mov 32(%rdi), %r14
	mov 40(%rdi), %r15
	mov 48(%rdi), %rsp
	jmp *56(%rdi)
	.size longjmp, . - longjmp
	.size _longjmp, . - _longjmp


	.section .note.GNU-stack, "", @progbits
