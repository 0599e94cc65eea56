/* Kiln runtime: memchr for x86_64, SSE2, AVX2 or AVX-512 at 256 bits
 * (vec.h; chosen on the first call, dispatch.h). */
#include "dispatch.h"

#define VEC_SIZE 16
#include "vec.h"
#include "memchr-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#include "vec.h"
#include "memchr-vec.inc"
#undef VEC_SIZE

#define VEC_SIZE 32
#define VEC_EVEX
#include "vec.h"
#include "memchr-vec.inc"

	KILN_DISPATCH memchr, memchr, 1

	.section .note.GNU-stack, "", @progbits
