/*
 * Kiln hvt: the trap cookie a Kiln guest passes with HVT_HYPERCALL_HALT when
 * a CPU exception stops it (exit status KILN_EXIT_GUEST_FAULT).
 *
 * The guest has already printed the trap and its registers on the console;
 * the cookie lets a tender (or a debugger attached to it) report them too.
 * All fields are u64; 184 bytes, within HVT_HALT_COOKIE_MAX.
 */
#ifndef KILN_HVT_TRAP_H
#define KILN_HVT_TRAP_H

#include <stdint.h>

struct hvt_trap_cookie {
    uint64_t vector;     /* @0   exception vector, 0..31                   */
    uint64_t error_code; /* @8   the CPU's error code, 0 if it pushes none */
    uint64_t cr2;        /* @16  faulting address (page faults)            */
    uint64_t rip, cs, rflags, rsp, ss; /* @24 the interrupted context      */
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp; /* @64                    */
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15; /* @120                 */
};
_Static_assert(sizeof(struct hvt_trap_cookie) == 184, "hvt_trap_cookie is 184 bytes");

#endif /* KILN_HVT_TRAP_H */
