/* Kiln runtime: strchr for x86_64, SSE2 or AVX2 (chosen on the first
 * call, dispatch.h). */
#include "dispatch.h"

#define VEC_SIZE 16
#include "vec.h"
#include "strchr-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#include "vec.h"
#include "strchr-vec.inc"

	KILN_DISPATCH strchr, strchr

	.section .note.GNU-stack, "", @progbits
