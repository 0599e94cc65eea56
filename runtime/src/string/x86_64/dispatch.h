/* Kiln runtime: the public x86_64 string functions pick their vector width
 * once, on their first call.
 *
 * KILN_DISPATCH name, body[, avx512] defines `name` as a jump through a
 * pointer that first points to a resolver: the resolver asks CPUID whether
 * the CPU has AVX2 (with avx512 = 1: also AVX-512 F, BW and VL) and the
 * operating system saves the ymm (zmm, opmask) registers (OSXSAVE, XCR0:
 * Linux does for spt; hvt and virtio leave CR4.OSXSAVE clear, so they get
 * SSE2), stores __body_avx512, __body_avx2 or __body_sse2 in the pointer
 * and jumps there.
 * Every later call costs one predicted indirect jump, as glibc's IFUNC
 * through the PLT. The resolver keeps the argument registers (CPUID
 * clobbers rbx, callee-saved, and rdx, the third argument). */
	.macro KILN_DISPATCH name, body, avx512=0
	.section .text.\name, "ax", @progbits
	.globl \name
	.type \name, @function
	.p2align 4
\name:
	jmp *__\name\()_impl(%rip)
	.size \name, . - \name

__\name\()_resolve:
	push %rbx
	push %rdi
	push %rsi
	push %rdx
	lea __\body\()_sse2(%rip), %r8
	xor %eax, %eax
	cpuid
	cmp $7, %eax			/* leaf 7 (AVX2's bit) exists */
	jb 1f
	mov $1, %eax
	cpuid
	and $((1 << 27) | (1 << 28)), %ecx	/* OSXSAVE, AVX */
	cmp $((1 << 27) | (1 << 28)), %ecx
	jne 1f
	xor %ecx, %ecx
	xgetbv
	mov %eax, %r9d			/* XCR0: the state the OS saves */
	and $6, %eax			/* xmm and ymm */
	cmp $6, %eax
	jne 1f
	mov $7, %eax
	xor %ecx, %ecx
	cpuid
	test $(1 << 5), %ebx		/* AVX2 */
	jz 1f
	lea __\body\()_avx2(%rip), %r8
	.if \avx512
	and $((1 << 16) | (1 << 30) | (1 << 31)), %ebx	/* AVX-512 F, BW, VL */
	cmp $((1 << 16) | (1 << 30) | (1 << 31)), %ebx
	jne 1f
	and $0xe6, %r9d			/* and opmask, zmm0-15 high, zmm16-31 */
	cmp $0xe6, %r9d
	jne 1f
	lea __\body\()_avx512(%rip), %r8
	.endif
1:	mov %r8, __\name\()_impl(%rip)
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rbx
	jmp *%r8

	.section .data.__\name\()_impl, "aw", @progbits
	.p2align 3
__\name\()_impl:
	.quad __\name\()_resolve
	.endm
