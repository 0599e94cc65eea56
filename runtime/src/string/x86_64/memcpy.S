/* Kiln runtime: memcpy for x86_64 is memmove's body (memmove.S, which
 * handles overlap at no cost), dispatched on its own symbol. */
#include "dispatch.h"

	KILN_DISPATCH memcpy, memmove, 1

	.section .note.GNU-stack, "", @progbits
