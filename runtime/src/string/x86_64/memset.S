/* Kiln runtime: memset for x86_64, SSE2, AVX2 or AVX-512 (chosen on the
 * first call, dispatch.h). */
#include "dispatch.h"

#define VEC_SIZE 16
#include "vec.h"
#include "memset-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#include "vec.h"
#include "memset-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 64
#include "vec.h"
#include "memset-vec.inc"

	KILN_DISPATCH memset, memset, 1

	.section .note.GNU-stack, "", @progbits
