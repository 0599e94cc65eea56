/* Kiln runtime: the vector width of the x86_64 string functions.
 *
 * Each string/x86_64/<name>.S includes its body (<name>-vec.inc) once per
 * width: VEC_SIZE 16 (SSE2, which every x86_64 CPU has), 32 (AVX2) and,
 * for memmove and memset, 64 (AVX-512). These macros turn one body into either: the SSE2
 * two-operand instructions, or their VEX forms on ymm registers. A body
 * uses %VEC(n) for vector register n, FN(name) for its own symbol
 * (__name_sse2, __name_avx2) and L(label) for local labels. Before
 * returning, an AVX2 body clears the upper halves (VZEROUPPER_RET), or
 * the caller's SSE code pays a transition penalty.
 *
 * The compare-and-scan bodies (strlen, strchr, strcmp) have a fourth
 * width, VEC_SIZE 32 with VEC_EVEX defined: AVX-512 (BW, VL) on ymm16-31,
 * whose EVEX encoding leaves the upper state clean, so they return without
 * vzeroupper (about a nanosecond per call here, a quarter of a short
 * string's time). Its compares give an opmask, not a vector: bodies turn
 * a byte compare into a bit mask with EQ_MASK, which each width spells
 * its own way, and never use VPCMPEQB/VPMOVMSKB there.
 *
 * The bodies find a bit with tzcnt, only ever of a nonzero mask: on a CPU
 * without BMI1 the same bytes decode as bsf, which gives the same result
 * for a nonzero operand (and tzcnt is much faster than bsf on AMD). */
#undef VEC
#undef VMOVU
#undef VMOVA
#undef VPCMPEQB
#undef VPMINUB
#undef VPOR
#undef VPAND
#undef VPXOR
#undef VPMOVMSKB
#undef VPXOR3
#undef VPMINUB3
#undef LOG2_4VEC
#undef VBROADCASTB
#undef VZEROUPPER_RET
#undef VEC_MASK
#undef ISA
#undef EQ_MASK

#if VEC_SIZE == 16
# define VEC(i) xmm##i
# define VMOVU movdqu
# define VMOVA movdqa
# define VPCMPEQB(src, dst) pcmpeqb src, dst
# define VPMINUB(src, dst) pminub src, dst
# define VPOR(src, dst) por src, dst
# define VPAND(src, dst) pand src, dst
# define VPXOR(src, dst) pxor src, dst
# define VPMOVMSKB pmovmskb
/* dst = src1 op src2 (src1 may be an aligned memory operand). */
# define VPXOR3(src1, src2, dst) movdqa src2, dst; pxor src1, dst
# define VPMINUB3(src1, src2, dst) movdqa src2, dst; pminub src1, dst
# define LOG2_4VEC 6
/* The byte in gpr (a 32-bit register) into every byte of %VEC(i). */
# define VBROADCASTB(gpr, i) movd gpr, %xmm##i; punpcklbw %xmm##i, %xmm##i; \
	punpcklwd %xmm##i, %xmm##i; pshufd $0, %xmm##i, %xmm##i
# define VZEROUPPER_RET ret
# define VEC_MASK 0xffff
# define ISA sse2
/* gpr: bit j set iff byte j of src and vreg are equal (vreg clobbered). */
# define EQ_MASK(src, vreg, gpr) VPCMPEQB(src, vreg); VPMOVMSKB vreg, gpr
#elif VEC_SIZE == 32 && defined(VEC_EVEX)
/* ymm20-29: registers 16-31 need no vzeroupper. */
# define VEC(i) ymm2##i
# define VMOVU vmovdqu64
# define VMOVA vmovdqa64
# define VPMINUB(src, dst) vpminub src, dst, dst
# define VPOR(src, dst) vporq src, dst, dst
# define VPAND(src, dst) vpandq src, dst, dst
# define VPXOR(src, dst) vpxorq src, dst, dst
# define VPXOR3(src1, src2, dst) vpxorq src1, src2, dst
# define VPMINUB3(src1, src2, dst) vpminub src1, src2, dst
# define LOG2_4VEC 7
# define VBROADCASTB(gpr, i) vpbroadcastb gpr, %ymm2##i
# define VZEROUPPER_RET ret
# define VEC_MASK 0xffffffff
# define ISA avx512
/* gpr: bit j set iff byte j of src and vreg are equal (vreg kept). */
# define EQ_MASK(src, vreg, gpr) vpcmpeqb src, vreg, %k1; kmovd %k1, gpr
#elif VEC_SIZE == 32
# define VEC(i) ymm##i
# define VMOVU vmovdqu
# define VMOVA vmovdqa
# define VPCMPEQB(src, dst) vpcmpeqb src, dst, dst
# define VPMINUB(src, dst) vpminub src, dst, dst
# define VPOR(src, dst) vpor src, dst, dst
# define VPAND(src, dst) vpand src, dst, dst
# define VPXOR(src, dst) vpxor src, dst, dst
# define VPMOVMSKB vpmovmskb
# define VPXOR3(src1, src2, dst) vpxor src1, src2, dst
# define VPMINUB3(src1, src2, dst) vpminub src1, src2, dst
# define LOG2_4VEC 7
# define VBROADCASTB(gpr, i) vmovd gpr, %xmm##i; vpbroadcastb %xmm##i, %ymm##i
# define VZEROUPPER_RET vzeroupper; ret
# define VEC_MASK 0xffffffff
# define ISA avx2
# define EQ_MASK(src, vreg, gpr) VPCMPEQB(src, vreg); VPMOVMSKB vreg, gpr
#elif VEC_SIZE == 64
/* AVX-512 (F, BW, VL), for the bodies that only move bytes (memmove,
 * memset): zmm20-29, which need no vzeroupper (the SSE/AVX transition
 * penalty concerns registers 0-15 only). */
# define VEC(i) zmm2##i
# define VMOVU vmovdqu64
# define VMOVA vmovdqa64
# define VBROADCASTB(gpr, i) vpbroadcastb gpr, %zmm2##i
# define VZEROUPPER_RET ret
# define ISA avx512
#else
# error "vec.h: VEC_SIZE must be 16 (SSE2), 32 (AVX2) or 64 (AVX-512)"
#endif

#ifndef FN
# define FN_PASTE(name, isa) __##name##_##isa
# define FN_ISA(name, isa) FN_PASTE(name, isa)
# define FN(name) FN_ISA(name, ISA)
# define L_PASTE(label, isa) .L##label##_##isa
# define L_ISA(label, isa) L_PASTE(label, isa)
# define L(label) L_ISA(label, ISA)
/* A function in its own section (the link drops what is not called),
 * hidden: the tests call each width directly, applications call the
 * public name (dispatch.h). */
# define ENTRY(sym) .section .text.sym, "ax", @progbits; .globl sym; \
	.hidden sym; .type sym, @function; .p2align 4; sym:
# define END(sym) .size sym, . - sym
#endif
