/* Kiln runtime: strcmp for x86_64, SSE2 or AVX2 (chosen on the first
 * call, dispatch.h). */
#include "dispatch.h"

#define VEC_SIZE 16
#include "vec.h"
#include "strcmp-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#include "vec.h"
#include "strcmp-vec.inc"

	KILN_DISPATCH strcmp, strcmp

	.section .note.GNU-stack, "", @progbits
