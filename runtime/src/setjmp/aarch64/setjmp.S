/* Kiln runtime: setjmp/longjmp for aarch64 (AAPCS64).
 * Saves the callee-saved registers: x19-x28, the frame pointer x29, the
 * link register x30 (where setjmp returns to), sp, and the low halves
 * d8-d15 of v8-v15, which the procedure call standard also makes
 * callee-saved (an application compiled with floating point keeps values
 * there across calls; the runtime core itself never touches them).
 * 21 of the 22 slots of <setjmp.h>'s __jmp_buf. */
	.text
	.globl setjmp, _setjmp, longjmp, _longjmp
	.type setjmp, %function
	.type _setjmp, %function
	.type longjmp, %function
	.type _longjmp, %function
	.p2align 2
setjmp:
_setjmp:
	stp x19, x20, [x0, #0]
	stp x21, x22, [x0, #16]
	stp x23, x24, [x0, #32]
	stp x25, x26, [x0, #48]
	stp x27, x28, [x0, #64]
	stp x29, x30, [x0, #80]
	mov x2, sp
	str x2, [x0, #96]
	stp d8, d9, [x0, #104]
	stp d10, d11, [x0, #120]
	stp d12, d13, [x0, #136]
	stp d14, d15, [x0, #152]
	mov w0, #0
	ret
	.size setjmp, . - setjmp
	.size _setjmp, . - _setjmp

	.p2align 2
longjmp:
_longjmp:
	ldp x19, x20, [x0, #0]
	ldp x21, x22, [x0, #16]
	ldp x23, x24, [x0, #32]
	ldp x25, x26, [x0, #48]
	ldp x27, x28, [x0, #64]
	ldp x29, x30, [x0, #80]
	ldr x2, [x0, #96]
	mov sp, x2
	ldp d8, d9, [x0, #104]
	ldp d10, d11, [x0, #120]
	ldp d12, d13, [x0, #136]
	ldp d14, d15, [x0, #152]
	/* setjmp must appear to return val, or 1 if val is 0. */
	cmp w1, #0
	csinc w0, w1, wzr, ne
	br x30
	.size longjmp, . - longjmp
	.size _longjmp, . - _longjmp

	.section .note.GNU-stack, "", %progbits
