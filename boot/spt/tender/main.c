/*
 * main.c: kiln-spt, run a Solo5-ABI spt unikernel in this process.
 *
 * Order: read the command line and the image; map guest memory; load the
 * image with its permissions; make the stack guard (from the image's Kiln
 * stack note) inaccessible; let the modules attach devices and add
 * seccomp rules; write the boot info; install the filter; jump.
 */
#include <stdlib.h>
#include <unistd.h>

#include "elf_image.h"
#include "spt.h"

static const struct tender_module *const modules[] = {
    &spt_module_core, &spt_module_console, &spt_module_clock,
    &spt_module_block, &spt_module_net, NULL};

static const struct tender_platform platform = {
    .name = "kiln-spt",
    .target_name = "spt",
    .abi_target = SPT_ABI_TARGET,
    .abi_version = SPT_ABI_VERSION,
    .min_base = SPT_GUEST_MIN_BASE,
    .mem_default_mib = 512,
    .mem_min_mib = 2,
    .mem_max_mib = 64 * 1024,
    .mem_granule = 0x1000,
    .exit_statuses =
        "  1    tender error\n"
        "  139  guest fault: reported, then the tender dies by the signal, as\n"
        "       solo5-spt (139 SIGSEGV, 135 SIGBUS, 132 SIGILL, 136 SIGFPE)\n"
        "  159  forbidden system call\n"
        "  255  abort\n",
    .modules = modules,
};

int main(int argc, char **argv)
{
    struct tender_config config;
    struct tender_guest guest = {.epollfd = -1, .timerfd = -1};

    tender_parse_args(&platform, argc, argv, &config);

    spt_map_memory(&guest, config.mem_size);
    elf_load(config.image_fd, config.image_path, config.image, guest.mem,
             guest.mem_size);
    close(config.image_fd);
    spt_protect_image(&guest, config.image_path, config.image);
    guest.image = config.image;
    tender_stack_guard(&config, &guest.guard_start, &guest.guard_end);
    spt_protect_guard(&guest, config.image_path);

    tender_modules_setup(modules, &guest, config.mft);
    spt_write_boot_info(&guest, config.image->end, config.mft, config.mft_size,
                        config.app_argv);
    spt_launch(&guest, config.image->entry);
}
