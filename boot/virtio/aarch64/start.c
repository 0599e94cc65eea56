/*
 * Kiln boot shim, virtio on aarch64 (QEMU's virt board): the start-up in C,
 * from entry.S on the boot stack, at EL1 with the MMU off and the
 * exception vectors in place.
 *
 * virt_start sets up what must exist before anything can fail visibly
 * (canary, clock, console), reads the device tree, maps memory and turns
 * the MMU on, then moves to the real stack at the top of RAM, below which
 * the stack guard is left unmapped: virt_main runs there and calls the
 * common start-up. No stack protector in virt_start: it sets the canary.
 *
 * Memory map (identity, ../../aarch64/mmu.c):
 *     0x08000000 - RAM start       devices: read-write, uncached, never run
 *     RAM start - image            the device tree: read-write
 *     image text                   read-only, executable
 *     image rodata                 read-only
 *     image data, bss, TLS, heap   read-write, never run
 *     stack guard                  unmapped
 *     stack - RAM end              read-write, never run
 * Everything else (page 0 and the flash below 0x08000000 among it) faults.
 */
#include "virt.h"
#include "aarch64.h"
#include "virtio.h"

extern const struct kiln_stk1_note __kiln_stk1_note;

struct virt_info virt_info;

/* The application's arguments, copied out of the device tree. */
#define CMDLINE_MAX 8192
static char cmdline[CMDLINE_MAX];

/* The device tree: where a Linux-protocol loader says (x0), else at the
 * start of RAM, where QEMU puts it for an image that is not Linux. */
static const void *find_dtb(uint64_t x0)
{
    if (x0 >= VIRT_RAM_START && x0 % 8 == 0 &&
        x0 + VIRT_DTB_MAX <= (uintptr_t)__kiln_text_start &&
        *(const volatile uint32_t *)(uintptr_t)x0 == 0xedfe0dd0U)
        return (const void *)(uintptr_t)x0;
    return (const void *)VIRT_RAM_START;
}

static void copy_cmdline(void)
{
    if (virt_info.bootargs_len >= CMDLINE_MAX)
        kiln_fatal("virtio: the command line (-append) is longer than 8191 "
                   "bytes");
    for (uint32_t i = 0; i < virt_info.bootargs_len; i++)
        cmdline[i] = virt_info.bootargs[i];
    cmdline[virt_info.bootargs_len] = '\0';
}

static void print_boot_info(void)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: virtio: aarch64 virt, RAM ");
    kiln_line_hex(&l, virt_info.ram_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, virt_info.ram_start + virt_info.ram_size);
    kiln_line_str(&l, ", PL011 ");
    kiln_line_hex(&l, virt_info.pl011);
    kiln_line_str(&l, ", PL031 ");
    kiln_line_hex(&l, virt_info.pl031);
    kiln_line_str(&l, ", PSCI ");
    kiln_line_str(&l, virt_info.psci == VIRT_PSCI_SMC   ? "smc"
                      : virt_info.psci == VIRT_PSCI_HVC ? "hvc"
                                                   : "none");
    kiln_line_str(&l, ", ");
    kiln_line_dec(&l, virt_info.mmio_count);
    kiln_line_str(&l, " virtio-mmio slots\n");
    kiln_line_flush(&l);
}

static void virt_main(void) __attribute__((noreturn, used));
static void virt_main(void)
{
    (void)kiln_cmdline_parse(cmdline);
    if (kiln_log_level >= KILN_LOG_DEBUG)
        print_boot_info();

    struct mft *mft = virtio_mft_copy();
    virtio_attach_devices(mft, cmdline);

    /*
     * The boot thread's TLS block after the device queues' pages (alloc.c
     * zeroes them, as kiln_boot_main expects); the heap follows it.
     */
    size_t tls_bytes = solo5_tls_size();
    uintptr_t tls = (uintptr_t)virtio_alloc_pages(
        KILN_ALIGN_UP(tls_bytes, KILN_PAGE_SIZE) / KILN_PAGE_SIZE);

    struct kiln_boot_args args = {
        .cmdline = cmdline,
        .mem_start = virt_info.ram_start,
        .mem_size = virt_info.ram_start + virt_info.ram_size,
        .kernel_end = tls,
        .mft = mft,
        .platform = "virtio",
    };
    kiln_boot_main(&args);
}

static void map_memory(const struct kiln_stack_layout *stack)
{
    uint64_t text = (uintptr_t)__kiln_text_start;
    uint64_t rodata = (uintptr_t)__kiln_rodata_start;
    uint64_t data = (uintptr_t)__kiln_data_start;

    aarch64_map(VIRT_DEVICE_WINDOW, virt_info.ram_start, AARCH64_MAP_DEVICE);
    aarch64_map(virt_info.ram_start, text, AARCH64_MAP_RW);
    aarch64_map(text, rodata, AARCH64_MAP_RX);
    aarch64_map(rodata, data, AARCH64_MAP_RO);
    aarch64_map(data, stack->guard_start, AARCH64_MAP_RW);
    aarch64_map(stack->stack_bottom, stack->stack_top, AARCH64_MAP_RW);
    aarch64_mmu_enable();
}

void virt_start(uint64_t x0) __attribute__((noreturn, no_stack_protector));

void virt_start(uint64_t x0)
{
    __stack_chk_guard = kiln_ssp_canary();
    aarch64_clock_init();

    virt_dtb_read(find_dtb(x0), VIRT_DTB_MAX, &virt_info);
    if (virt_info.pl011 != 0)
        virt_console_use(virt_info.pl011);
    virt_rtc_use(virt_info.pl031);
    virt_psci = virt_info.psci;
    copy_cmdline();
    if (virt_info.ram_start != VIRT_RAM_START ||
        virt_info.ram_start + virt_info.ram_size <= (uintptr_t)__kiln_image_end)
        kiln_fatal("virtio: RAM does not start at 0x40000000 or does not hold"
                   " the image: is this QEMU's virt board?");

    struct kiln_stack_layout stack;
    uint64_t ram_end = virt_info.ram_start + virt_info.ram_size;
    if (kiln_stack_layout_for(ram_end, &__kiln_stk1_note.i, &stack) != 0 ||
        stack.guard_start <= KILN_ALIGN_UP((uintptr_t)__kiln_image_end,
                                           KILN_PAGE_SIZE))
        kiln_fatal("virtio: not enough RAM for the image, its stack guard "
                   "and its stack: give the machine more (QEMU -m, --mem)");
    kiln_stack = stack; /* so a trap names an overflow from now on */
    map_memory(&stack);

    /* To the real stack (SP_EL0), as the tenders start _start. */
    __asm__ __volatile__("mov sp, %0\n\t"
                         "mov x29, #0\n\t"
                         "mov x30, #0\n\t"
                         "b virt_main"
                         :
                         : "r"(stack.stack_top)
                         : "memory");
    __builtin_unreachable();
}
