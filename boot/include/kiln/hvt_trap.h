/*
 * Kiln hvt: the trap cookie a Kiln guest passes with HVT_HYPERCALL_HALT when
 * a CPU exception stops it (exit status KILN_EXIT_GUEST_FAULT).
 *
 * The guest has already printed the trap and its registers on the console;
 * the cookie lets a tender (or a debugger attached to it) report them too.
 * It is the guest's trap frame as its exception entry code leaves it on the
 * stack, lowest address first: 23 u64, 184 bytes (HVT_HALT_COOKIE_MAX 512).
 */
#ifndef KILN_HVT_TRAP_H
#define KILN_HVT_TRAP_H

#include <stdint.h>

struct hvt_trap_cookie {
    uint64_t cr2;        /* @0   faulting address (meaningful for #PF)     */
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8; /* @8                  */
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;    /* @72                 */
    uint64_t vector;     /* @128 exception vector, 0..31                   */
    uint64_t error_code; /* @136 the CPU's error code, 0 if it pushes none */
    uint64_t rip, cs, rflags, rsp, ss; /* @144 pushed by the CPU           */
};
_Static_assert(sizeof(struct hvt_trap_cookie) == 184, "hvt_trap_cookie is 184 bytes");

#endif /* KILN_HVT_TRAP_H */
