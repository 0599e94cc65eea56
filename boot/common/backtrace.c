/*
 * Kiln boot shim: the guest's backtrace, printed on a CPU exception, an
 * abort and a failed stack check, for the host to resolve.
 *
 * Every target object keeps a frame pointer (FRAME_POINTERS, the default:
 * -fno-omit-frame-pointer): a function's frame starts with its caller's
 * rbp, the return address just above it, so the chain from rbp lists the
 * calls. The guest has neither symbols nor line tables in memory (the
 * image's debug information is not loaded), so it prints addresses:
 *
 *     kiln: backtrace (most recent call first):
 *     kiln:   #0 0x000000000010049c
 *     kiln:   #1 0x00000000001004f1
 *
 * and the host adds function and file:line from the image
 * (scripts/kiln-symbolize, which make run puts after its command). An
 * address after #0 is a return address less one: inside the call
 * instruction, so it resolves to the line of the call, not the next one.
 *
 * The walk reads only the stack, [stack_bottom, stack_top), and stops at a
 * frame that is not above the one before it: a smashed frame ends the
 * backtrace instead of faulting inside it.
 */
#include "boot.h"

#define MAX_FRAMES 32
#define LINES_PER_WRITE 6 /* ~32 bytes each: one console write per six */

static void frame_line(struct kiln_line *l, unsigned n, uint64_t addr)
{
    kiln_line_str(l, "kiln:   #");
    kiln_line_dec(l, n);
    kiln_line_str(l, " ");
    kiln_line_hex16(l, addr);
    kiln_line_str(l, "\n");
    if ((n + 1) % LINES_PER_WRITE == 0)
        kiln_line_flush(l);
}

void kiln_backtrace(uint64_t pc, uint64_t fp)
{
    struct kiln_line l = {.len = 0};
    unsigned n = 0;

    kiln_line_str(&l, "kiln: backtrace (most recent call first):\n");
    kiln_line_flush(&l);
    if (pc != 0)
        frame_line(&l, n++, pc);
#ifdef KILN_FRAME_POINTERS
    uint64_t lo = kiln_stack.stack_bottom, hi = kiln_stack.stack_top;
    while (n < MAX_FRAMES && fp % 8 == 0 && fp >= lo && hi >= 16 && fp <= hi - 16) {
        const uint64_t *frame = (const uint64_t *)(uintptr_t)fp;
        uint64_t ret = frame[1], next = frame[0];
        if (ret == 0) /* the outermost frame: _start's */
            break;
        frame_line(&l, n++, ret - 1);
        if (next <= fp)
            break;
        fp = next;
    }
#else
    (void)fp;
    kiln_line_str(&l, "kiln:   (the callers need frame pointers: Toolchain -> "
                      "Frame pointers in make menuconfig)\n");
#endif
    kiln_line_flush(&l);
}
