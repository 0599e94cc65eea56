/*
 * fuzz_image.c: libFuzzer target for the tenders' image path, the bytes a
 * user hands kiln-hvt or kiln-spt: the ELF header and program headers, the
 * Solo5 ABI and manifest notes, Kiln's stack note, and how the image fits
 * the --mem asked for (tender_parse_args, as both tenders call it).
 *
 * Input: byte 0 picks the platform's values (bit 0: hvt or spt) and the
 * --mem (the other bits: 2 to 128 MiB); the rest is the image, given to
 * tender_parse_args through a memfd. A refusal is tender_fail(), which
 * diag_standin.c turns into a return to the target.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "diag_standin.h"
#include "elf_image.h"
#include "kiln/elf_abi.h"
#include "kiln/hvt_abi.h"
#include "kiln/spt_abi.h"
#include "mft.h"
#include "tender.h"

static const struct tender_module *const no_modules[] = {NULL};

static const struct tender_platform platforms[2] = {
    {.name = "kiln-hvt", .target_name = "hvt", .abi_target = HVT_ABI_TARGET,
     .abi_version = HVT_ABI_VERSION, .min_base = HVT_GUEST_MIN_BASE,
     .mem_default_mib = 512, .mem_min_mib = 2, .mem_max_mib = 4096,
     .mem_granule = 2 * MiB, .exit_statuses = "", .modules = no_modules},
    {.name = "kiln-spt", .target_name = "spt", .abi_target = SPT_ABI_TARGET,
     .abi_version = SPT_ABI_VERSION, .min_base = SPT_GUEST_MIN_BASE,
     .mem_default_mib = 512, .mem_min_mib = 2, .mem_max_mib = 64 * 1024,
     .mem_granule = 0x1000, .exit_statuses = "", .modules = no_modules},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const struct tender_platform *p = &platforms[data[0] & 1];
    char mem[32], path[64];
    snprintf(mem, sizeof mem, "--mem=%u", 2 + (data[0] >> 1));

    int fd = memfd_create("image", 0);
    if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
        abort();
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    char *argv[] = {(char *)p->name, mem, path, "arg", NULL};

    static struct tender_config config;
    memset(&config, 0, sizeof config);
    config.image_fd = -1;
    if (setjmp(fuzz_refused) == 0)
        tender_parse_args(p, 4, argv, &config);
    if (config.image_fd >= 0)
        close(config.image_fd);
    free(config.mft);
    close(fd);
    return 0;
}
