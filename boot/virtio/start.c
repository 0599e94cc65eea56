/*
 * Kiln boot shim, virtio: the 64-bit entry, from entry32.S on the boot
 * stack, with the first 4 GiB identity mapped.
 *
 * virtio_start sets up what must exist before anything can fail visibly
 * (canary, console, traps), reads what the loader handed over, installs
 * the final page tables and then moves to the real stack at the top of
 * RAM, below which the stack guard is now unmapped: virtio_main runs
 * there, attaches the devices and calls the common start-up. No stack
 * protector in virtio_start: it changes the canary.
 */
#include "virtio.h"
#include "x86_64.h"

extern const struct kiln_stk1_note __kiln_stk1_note;

static struct virtio_boot_info boot_info;

/* For --solo5:debug, before the common start-up's memory map. */
static void print_boot_info(const struct virtio_boot_info *bi)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: virtio: loaded by ");
    kiln_line_str(&l, bi->loader);
    kiln_line_str(&l, ", RAM ");
    kiln_line_hex(&l, bi->ram_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, bi->ram_end);
    kiln_line_str(&l, ", using 0-");
    kiln_line_hex(&l, bi->mem_size);
    kiln_line_str(&l, ", devices ");
    kiln_line_hex(&l, VIRTIO_DEVICE_WINDOW);
    kiln_line_str(&l, "-0x100000000\n");
    kiln_line_flush(&l);
}

static void virtio_main(void) __attribute__((noreturn, used));
static void virtio_main(void)
{
    /* The level now, for the device messages; kiln_boot_main redoes it. */
    (void)kiln_cmdline_parse(boot_info.cmdline);
    if (kiln_log_level >= KILN_LOG_DEBUG)
        print_boot_info(&boot_info);

    struct mft *mft = virtio_mft_copy();
    virtio_attach_devices(mft, boot_info.cmdline);

    /*
     * kiln_boot_main puts the boot thread's TLS block at the first
     * KILN_TLS_ALIGN boundary after kernel_end and expects it zeroed, as
     * the tenders' memory is; the pages after the image are not (a
     * multiboot loader leaves its information there), so zero it here.
     */
    size_t tls_bytes = solo5_tls_size();
    uintptr_t tls = (uintptr_t)virtio_alloc_pages(
        KILN_ALIGN_UP(tls_bytes, KILN_PAGE_SIZE) / KILN_PAGE_SIZE);

    struct kiln_boot_args args = {
        .cmdline = boot_info.cmdline,
        .mem_size = boot_info.mem_size,
        .kernel_end = tls,
        .mft = mft,
        .platform = "virtio",
    };
    kiln_boot_main(&args);
}

void virtio_start(uint32_t eax, uint32_t ebx)
    __attribute__((noreturn, no_stack_protector));

void virtio_start(uint32_t eax, uint32_t ebx)
{
    __stack_chk_guard = kiln_ssp_canary();
    virtio_clock_init();
    virtio_serial_init();
    x86_trap_init();
    virtio_boot_info_read(eax, ebx, &boot_info);

    /* The common start-up computes the same layout from the same note. */
    struct kiln_stack_layout stack;
    if (kiln_stack_layout_for(boot_info.mem_size, &__kiln_stk1_note.i,
                              &stack) != 0 ||
        stack.guard_start <= KILN_ALIGN_UP((uintptr_t)__kiln_image_end,
                                           KILN_PAGE_SIZE))
        kiln_fatal("virtio: not enough RAM for the image, its stack guard "
                   "and its stack: give the machine more (QEMU -m, --mem)");
    kiln_stack = stack; /* so a trap names an overflow from now on */
    virtio_paging_init(boot_info.mem_size, &stack);

    /*
     * To the real stack: as the tenders start _start, rsp = mem_size - 8
     * at virtio_main's first instruction. The boot stack is not used again.
     */
    __asm__ __volatile__("movq %0, %%rsp\n\t"
                         "xorl %%ebp, %%ebp\n\t"
                         "call virtio_main"
                         :
                         : "r"(stack.stack_top)
                         : "memory");
    __builtin_unreachable();
}
