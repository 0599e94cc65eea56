/* Kiln runtime: memmove for x86_64, SSE2, AVX2 or AVX-512 (chosen on the
 * first call, dispatch.h). memcpy.S shares the body: a copy that allows overlap
 * is as fast as one that does not. */
#include "dispatch.h"

#define VEC_SIZE 16
#include "vec.h"
#include "memmove-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#include "vec.h"
#include "memmove-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 64
#include "vec.h"
#include "memmove-vec.inc"

	KILN_DISPATCH memmove, memmove, 1

	.section .note.GNU-stack, "", @progbits
