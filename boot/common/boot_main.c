/*
 * Kiln boot shim: the platform-independent start-up, after the platform's
 * _start has set the stack protector canary and its own state.
 *
 * Memory layout it sets up (addresses grow upwards):
 *
 *     image (text, rodata, data, bss)        up to __kiln_image_end
 *     boot thread's TLS block                 KILN_TLS_ALIGN aligned
 *     heap: [heap_start, heap_start + heap_size)   page aligned
 *     stack reserve                           see stack_reserve()
 *     mem_size                                top of the stack
 *
 * The stack reserve is memory the heap does not hand out, so that the stack
 * can grow down into it: KILN_STACK_SIZE bytes when the build defines it
 * (Kconfig RUNTIME_STACK_SIZE, 512 KiB by default); otherwise 1/16 of guest
 * memory, at least 128 KiB and at most 8 MiB. Nothing enforces it: a deeper
 * stack silently runs into the heap.
 */
#include "boot.h"

#define KIB 1024UL
#define MIB (1024UL * 1024UL)

static uint64_t stack_reserve(uint64_t mem_size)
{
#ifdef KILN_STACK_SIZE
    (void)mem_size;
    uint64_t r = KILN_STACK_SIZE;
#else
    uint64_t r = mem_size / 16;
    if (r < 128 * KIB)
        r = 128 * KIB;
    if (r > 8 * MIB)
        r = 8 * MIB;
#endif
    return KILN_ALIGN_UP(r, KILN_PAGE_SIZE);
}

/*
 * Set up the boot thread's TLS block at *next and move *next past it. The
 * block lies beyond the image, in memory the tender handed over zeroed.
 */
static void boot_tls_init(uintptr_t *next)
{
    uintptr_t tls = KILN_ALIGN_UP(*next, KILN_TLS_ALIGN);

    if (platform_set_tls_base(kiln_tls_init_zeroed(tls)) != 0)
        kiln_fatal("cannot set the thread pointer for the boot thread");
    *next = tls + (uintptr_t)__kiln_tls_size + KILN_TCB_SIZE;
}

static void print_banner(const struct kiln_boot_args *args,
                         const struct solo5_start_info *si)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: ");
    kiln_line_str(&l, args->platform);
    kiln_line_str(&l, " guest, ");
    kiln_line_dec(&l, args->mem_size / MIB);
    kiln_line_str(&l, " MiB, heap ");
    kiln_line_dec(&l, si->heap_size / KIB);
    kiln_line_str(&l, " KiB\n");
    kiln_line_flush(&l);
    if (kiln_log_level < KILN_LOG_DEBUG)
        return;
    kiln_line_str(&l, "kiln: image 0x100000-");
    kiln_line_hex(&l, (uintptr_t)__kiln_image_end);
    kiln_line_str(&l, " heap ");
    kiln_line_hex(&l, si->heap_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, si->heap_start + si->heap_size);
    kiln_line_str(&l, " stack below ");
    kiln_line_hex(&l, args->mem_size);
    kiln_line_str(&l, "\nkiln: cmdline \"");
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
    uint64_t reserve = stack_reserve(args->mem_size);
    if (args->mem_size < reserve || heap_start >= args->mem_size - reserve)
        kiln_fatal("not enough memory for the image, its heap and its stack"
                   " reserve: give the tender more (--mem), or build with a"
                   " smaller stack (RUNTIME_STACK_SIZE)");
    si.heap_start = heap_start;
    si.heap_size = KILN_ALIGN_DOWN(args->mem_size - reserve, KILN_PAGE_SIZE) -
                   heap_start;

    if (kiln_log_level >= KILN_LOG_INFO)
        print_banner(args, &si);
    solo5_exit(solo5_app_main(&si));
}
