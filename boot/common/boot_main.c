/*
 * Kiln boot shim: the platform-independent start-up, after the platform's
 * _start has set the stack protector canary and its own state.
 *
 * Memory layout it sets up (addresses grow upwards):
 *
 *     image (text, rodata, data, bss)        up to __kiln_image_end
 *     boot thread's TLS block                 KILN_TLS_ALIGN aligned
 *     heap: [heap_start, heap_start + heap_size)   page aligned
 *     stack guard, then the stack             as the stack note says
 *     mem_size                                top of the stack
 *
 * The stack and its guard are the image's stack note (stack_note.c,
 * kiln/kiln_abi.h): the tender reads the same note and, if it is Kiln's,
 * makes the guard inaccessible, so the heap must end where the guard
 * starts. Under a tender that ignores the note (Solo5's) the layout is the
 * same, only the guard is not enforced.
 */
#include "boot.h"

#define KIB 1024UL
#define MIB (1024UL * 1024UL)

extern const struct kiln_stk1_note __kiln_stk1_note;

struct kiln_stack_layout kiln_stack;

/*
 * Set up the boot thread's TLS block at *next and move *next past it. The
 * block lies beyond the image, in memory the tender handed over zeroed.
 */
static void boot_tls_init(uintptr_t *next)
{
    uintptr_t tls = KILN_ALIGN_UP(*next, KILN_TLS_ALIGN);

    if (platform_set_tls_base(kiln_tls_init_zeroed(tls)) != 0)
        kiln_fatal("cannot set the thread pointer for the boot thread");
    *next = tls + solo5_tls_size();
}

static void print_banner(const struct kiln_boot_args *args,
                         const struct solo5_start_info *si,
                         const struct kiln_stack_layout *stack)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: ");
    kiln_line_str(&l, args->platform);
    kiln_line_str(&l, " guest, ");
    kiln_line_dec(&l, (args->mem_size - args->mem_start) / MIB);
    kiln_line_str(&l, " MiB, heap ");
    kiln_line_dec(&l, si->heap_size / KIB);
    kiln_line_str(&l, " KiB\n");
    kiln_line_flush(&l);
    if (kiln_log_level < KILN_LOG_DEBUG)
        return;
    kiln_line_str(&l, "kiln: image ");
    kiln_line_hex(&l, (uintptr_t)__kiln_image_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, (uintptr_t)__kiln_image_end);
    kiln_line_str(&l, " heap ");
    kiln_line_hex(&l, si->heap_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, si->heap_start + si->heap_size);
    kiln_line_str(&l, " stack below ");
    kiln_line_hex(&l, args->mem_size);
    kiln_line_str(&l, "\nkiln: guard ");
    kiln_line_hex(&l, stack->guard_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, stack->stack_bottom);
    kiln_line_str(&l, " stack ");
    kiln_line_hex(&l, stack->stack_bottom);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, stack->stack_top);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
    kiln_line_str(&l, "kiln: cmdline \"");
    kiln_line_str(&l, si->cmdline);
    kiln_line_str(&l, "\"\n");
    kiln_line_flush(&l);
}

void kiln_boot_main(const struct kiln_boot_args *args)
{
    static struct solo5_start_info si;

    kiln_mft = args->mft;
    si.cmdline = kiln_cmdline_parse(args->cmdline);

    /* The tender's kernel_end omits a bss-only segment; take the larger. */
    uintptr_t next = (uintptr_t)__kiln_image_end;
    if (args->kernel_end > next)
        next = args->kernel_end;
    boot_tls_init(&next);

    uintptr_t heap_start = KILN_ALIGN_UP(next, KILN_PAGE_SIZE);
    struct kiln_stack_layout stack;
    if (kiln_stack_layout_for(KILN_ALIGN_DOWN(args->mem_size, KILN_PAGE_SIZE),
                              &__kiln_stk1_note.i, &stack) != 0 ||
        heap_start >= stack.guard_start)
        kiln_fatal("not enough memory for the image, its heap, its stack"
                   " guard and its stack: give the tender more (--mem), or"
                   " build with a smaller stack (RUNTIME_STACK_SIZE)");
    si.heap_start = heap_start;
    si.heap_size = stack.guard_start - heap_start;
    kiln_stack = stack;

    if (kiln_log_level >= KILN_LOG_INFO)
        print_banner(args, &si, &stack);
    solo5_exit(solo5_app_main(&si));
}
