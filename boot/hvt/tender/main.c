/*
 * main.c: kiln-hvt, run a Solo5-ABI hvt unikernel under KVM.
 *
 * Order: read the command line and the image; create the VM with guest
 * memory; load the image; build page tables (leaving out the stack guard
 * that the image's Kiln stack note asks for) and the vCPU; let the modules
 * attach devices and register hypercalls; start the network ring's I/O
 * thread if there is one (with a net device, 2 MiB of memory above the
 * guest's); write the boot info; seal the process with seccomp; run.
 */
#include <unistd.h>

#include "elf_image.h"
#include "hvt.h"

static const struct tender_module *const modules[] = {
    &hvt_module_core, &hvt_module_console, &hvt_module_clock,
    &hvt_module_block, &hvt_module_net, &hvt_module_gdb, NULL};

static const struct tender_platform platform = {
    .name = "kiln-hvt",
    .target_name = "hvt",
    .abi_target = HVT_ABI_TARGET,
    .abi_version = HVT_ABI_VERSION,
    .min_base = HVT_GUEST_MIN_BASE,
    .mem_default_mib = 512,
    .mem_min_mib = 2,
    .mem_max_mib = 4096, /* four page directories of 2 MiB pages */
    .mem_granule = 2 * MiB,
    .exit_statuses =
        "  1    tender error; also a guest write to its read-only text or\n"
        "       rodata that the guest's page tables let through (a Solo5\n"
        "       image's do): host/guest translation fault, as solo5-hvt\n"
        "  254  guest fault\n"
        "  255  abort\n",
    .modules = modules,
};

int main(int argc, char **argv)
{
    struct tender_config config;
    struct tender_guest guest = {.kvm_fd = -1, .vm_fd = -1, .vcpu_fd = -1,
                                 .ring_kick_fd = -1};

    tender_parse_args(&platform, argc, argv, &config);

    size_t ring = hvt_net_ring_reserve(config.mft, config.mem_size,
                                       (size_t)platform.mem_max_mib * MiB);
    hvt_kvm_init(&guest, config.mem_size + ring);
    guest.ring_gpa = ring ? config.mem_size : 0;
    elf_load(config.image_fd, config.image_path, config.image, guest.mem,
             guest.mem_size);
    close(config.image_fd);
    hvt_protect_image(&guest, config.image_path, config.image);

    hvt_setup_cpuid(&guest);
    tender_stack_guard(&config, &guest.guard_start, &guest.guard_end);
    guest.guest_wx = config.has_stack_note;
    hvt_setup_paging(&guest, config.image);
    hvt_setup_vcpu(&guest, config.image->entry);

    tender_modules_setup(modules, &guest, config.mft);
    hvt_net_ring_start(&guest, config.mft);
    hvt_write_boot_info(&guest, config.image->end, config.mft, config.mft_size,
                        config.app_argv);
    hvt_sandbox(&guest, config.mft, hvt_waitset_fd(), hvt_timer_fd());
    hvt_run(&guest);
}
