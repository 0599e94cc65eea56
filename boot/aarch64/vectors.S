/*
 * Kiln boot shim, aarch64 at EL1: the exception vector table.
 *
 * The shim runs at EL1t (its stack in SP_EL0); an exception switches to
 * SP_EL1, a small stack of its own (trap_stack below), so a fault on an
 * overflowed stack is reported rather than faulting again. Every vector
 * saves the full frame (struct aarch64_trap_frame, aarch64.h) and calls
 * kiln_aarch64_trap; nothing is expected to arrive (interrupts stay
 * masked), except what aarch64_trap_resume_hook takes back: then the
 * frame is restored and the code resumed.
 */
#define FRAME_SIZE 304 /* sizeof(struct aarch64_trap_frame) */
#define TRAP_STACK_SIZE 16384

    .macro vector index
    .balign 0x80
    sub sp, sp, #FRAME_SIZE
    stp x0, x1, [sp, #0]
    mov x0, #\index
    b trap_common
    .endm

    .section .text.kiln_vectors, "ax"
    .balign 2048
    .global kiln_aarch64_vectors
kiln_aarch64_vectors:
    /* Current EL with SP_EL0 (the shim's normal state): sync, IRQ, FIQ, SError. */
    vector 0
    vector 1
    vector 2
    vector 3
    /* Current EL with SP_EL1: a fault in the handler itself. */
    vector 4
    vector 5
    vector 6
    vector 7
    /* Lower EL, AArch64 and AArch32: nothing runs there. */
    vector 8
    vector 9
    vector 10
    vector 11
    vector 12
    vector 13
    vector 14
    vector 15

trap_common:
    stp x2, x3, [sp, #16]
    stp x4, x5, [sp, #32]
    stp x6, x7, [sp, #48]
    stp x8, x9, [sp, #64]
    stp x10, x11, [sp, #80]
    stp x12, x13, [sp, #96]
    stp x14, x15, [sp, #112]
    stp x16, x17, [sp, #128]
    stp x18, x19, [sp, #144]
    stp x20, x21, [sp, #160]
    stp x22, x23, [sp, #176]
    stp x24, x25, [sp, #192]
    stp x26, x27, [sp, #208]
    stp x28, x29, [sp, #224]
    /* The interrupted sp: SP_EL0, or SP_EL1 above this frame (vectors 4-7). */
    mrs x1, sp_el0
    add x2, sp, #FRAME_SIZE
    sub x3, x0, #4
    cmp x3, #4
    csel x1, x2, x1, lo
    stp x30, x1, [sp, #240]
    mrs x1, elr_el1
    mrs x2, spsr_el1
    stp x1, x2, [sp, #256]
    mrs x1, esr_el1
    mrs x2, far_el1
    stp x1, x2, [sp, #272]
    str x0, [sp, #288]
    mov x0, sp
    mov x29, #0 /* the handler's backtrace starts from the frame, not here */
    bl kiln_aarch64_trap
    /* Returned: resume the (possibly changed) frame. */
    ldp x1, x2, [sp, #256]
    msr elr_el1, x1
    msr spsr_el1, x2
    ldp x2, x3, [sp, #16]
    ldp x4, x5, [sp, #32]
    ldp x6, x7, [sp, #48]
    ldp x8, x9, [sp, #64]
    ldp x10, x11, [sp, #80]
    ldp x12, x13, [sp, #96]
    ldp x14, x15, [sp, #112]
    ldp x16, x17, [sp, #128]
    ldp x18, x19, [sp, #144]
    ldp x20, x21, [sp, #160]
    ldp x22, x23, [sp, #176]
    ldp x24, x25, [sp, #192]
    ldp x26, x27, [sp, #208]
    ldp x28, x29, [sp, #224]
    ldr x30, [sp, #240]
    ldp x0, x1, [sp, #0]
    add sp, sp, #FRAME_SIZE
    eret

/*
 * aarch64_trap_init: VBAR_EL1, SP_EL1 = the top of trap_stack, then run on
 * SP_EL0 from the caller's sp (SPSel = 0).
 */
    .text
    .global aarch64_trap_init
    .type aarch64_trap_init, %function
aarch64_trap_init:
    adrp x0, kiln_aarch64_vectors
    add x0, x0, :lo12:kiln_aarch64_vectors
    msr vbar_el1, x0
    mov x1, sp
    msr sp_el0, x1
    adrp x0, trap_stack_top
    add x0, x0, :lo12:trap_stack_top
    mov sp, x0
    msr spsel, #0
    isb
    ret
    .size aarch64_trap_init, . - aarch64_trap_init

    .bss
    .balign 16
trap_stack:
    .space TRAP_STACK_SIZE
trap_stack_top:

    .section .note.GNU-stack, "", %progbits
