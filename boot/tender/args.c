/*
 * args.c: the tender command line, Solo5's:
 *     TENDER [--mem=MiB] [MODULE OPTIONS] [--] IMAGE [ARGS...]
 * Options come before the image; everything after it is the application's.
 * Module options depend on the image's manifest, so the image is found and
 * read first and the options are handed to the modules afterwards.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf_image.h"
#include "mft.h"
#include "tender.h"

#ifndef KILN_VERSION
#define KILN_VERSION "unreleased"
#endif

static const char *target_name(uint32_t target)
{
    static const char *const names[] = {
        [HVT_ABI_TARGET] = "hvt",     [SPT_ABI_TARGET] = "spt",
        [VIRTIO_ABI_TARGET] = "virtio", [MUEN_ABI_TARGET] = "muen",
        [GENODE_ABI_TARGET] = "genode", [XEN_ABI_TARGET] = "xen"};
    if (target < sizeof names / sizeof names[0] && names[target])
        return names[target];
    return "unknown";
}

static void usage(const struct tender_platform *p)
{
    printf("usage: %s [OPTIONS] [--] IMAGE [ARGS...]\n"
           "Run the Solo5-ABI unikernel IMAGE (built for %s); ARGS, joined by\n"
           "spaces, are its command line.\n"
           "Options:\n"
           "  --mem=MiB       guest memory in MiB (default %zu, %zu to %zu)\n"
           "  --help          show this help\n"
           "  --version       show the version and the ABI\n",
           p->name, p->target_name, p->mem_default_mib, p->mem_min_mib,
           p->mem_max_mib);
    for (const struct tender_module *const *m = p->modules; *m; m++) {
        if (!(*m)->usage)
            continue;
        printf("Module %s:\n", (*m)->name);
        for (const char *line = (*m)->usage; *line;) {
            const char *nl = strchr(line, '\n');
            int len = nl ? (int)(nl - line) : (int)strlen(line);
            printf("  %.*s\n", len, line);
            line += len + (nl ? 1 : 0);
        }
    }
    printf("Exit status: the unikernel's own, or\n%s", p->exit_statuses);
    exit(0);
}

static void version(const struct tender_platform *p)
{
    printf("%s (Kiln) %s\n"
           "Solo5 ABI: target %s (%" PRIu32 "), version %" PRIu32 "; manifest "
           "version %d\n",
           p->name, KILN_VERSION, p->target_name, p->abi_target,
           p->abi_version, MFT_VERSION);
    exit(0);
}

static size_t parse_mem(const struct tender_platform *p, const char *arg)
{
    const char *v = arg + strlen("--mem=");
    char *end;

    errno = 0;
    unsigned long long mib = strtoull(v, &end, 10);
    if (*v < '0' || *v > '9' || *end != '\0' || errno != 0)
        tender_fail("%s: not a number of MiB", arg);
    if (mib < p->mem_min_mib || mib > p->mem_max_mib)
        tender_fail("%s: out of range: give %zu to %zu MiB", arg,
                    p->mem_min_mib, p->mem_max_mib);
    size_t bytes = (size_t)mib * MiB;
    size_t rounded = bytes - bytes % p->mem_granule;
    if (rounded != bytes)
        tender_warn("%s: rounded down to %zu MiB (a multiple of %zu MiB)", arg,
                    rounded / MiB, p->mem_granule / MiB);
    return rounded;
}

static const struct elf_note_query abi1_query = {
    .owner = SOLO5_NOTE_NAME, .type = ABI1_NOTE_TYPE,
    .desc_offset = sizeof(struct abi1_nhdr),
    .min_size = sizeof(struct abi1_info), .max_size = 2 * sizeof(struct abi1_info)};

static const struct elf_note_query mft1_query = {
    .owner = SOLO5_NOTE_NAME, .type = MFT1_NOTE_TYPE,
    .desc_offset = MFT1_DESC_OFFSET,
    .min_size = sizeof(struct mft) + sizeof(struct mft_entry),
    .max_size = sizeof(struct mft) + MFT_MAX_ENTRIES * sizeof(struct mft_entry)};

/* Later versions may append fields: accept a longer descriptor, read ours. */
static const struct elf_note_query stk1_query = {
    .owner = KILN_NOTE_NAME, .type = KILN_STK1_NOTE_TYPE,
    .desc_offset = KILN_STK1_DESC_OFFSET,
    .min_size = KILN_STK1_DESC_SIZE, .max_size = 64};

/* Kiln's stack note, if the image has one (a Solo5 image has none). */
static void read_stack_note(struct tender_config *c)
{
    struct kiln_stk1_info *stk;
    size_t size;

    if (!elf_find_note(c->image_fd, c->image_path, c->image, &stk1_query,
                       (void **)&stk, &size))
        return;
    const char *why = kiln_stk1_check(stk);
    if (why)
        tender_fail("%s: invalid Kiln stack note: %s", c->image_path, why);
    c->has_stack_note = true;
    c->stack_note = *stk;
    free(stk);
}

/*
 * With a stack note, the top of guest memory is the stack and its guard:
 * they must fit above the image.
 */
static void place_stack(struct tender_config *c)
{
    if (!c->has_stack_note)
        return;
    if (kiln_stack_layout_for(c->mem_size, &c->stack_note, &c->stack) != 0 ||
        c->stack.guard_start < c->image->end)
        tender_fail("%s: the image (0x%" PRIx64 " bytes of address space), its "
                    "stack guard (%" PRIu32 " KiB) and its stack (%" PRIu32
                    " KiB) do not fit in %zu MiB of guest memory: raise --mem",
                    c->image_path, c->image->end, c->stack_note.guard_size / 1024,
                    c->stack_note.stack_size / 1024, c->mem_size / MiB);
}

static void read_notes(const struct tender_platform *p, struct tender_config *c)
{
    struct abi1_info *abi;
    size_t size;

    if (!elf_find_note(c->image_fd, c->image_path, c->image, &abi1_query,
                       (void **)&abi, &size))
        tender_fail("%s: no Solo5 ABI note: not a Solo5-ABI unikernel image",
                    c->image_path);
    if (abi->abi_target != p->abi_target) {
        const char *t = target_name(abi->abi_target);
        bool ours = abi->abi_target == HVT_ABI_TARGET ||
                    abi->abi_target == SPT_ABI_TARGET;
        tender_fail("%s: built for the %s target (ABI target %" PRIu32 "), not "
                    "%s: %s%s", c->image_path, t, abi->abi_target, p->target_name,
                    ours ? "run it with kiln-" : "no Kiln tender runs it",
                    ours ? t : "");
    }
    if (abi->abi_version != p->abi_version)
        tender_fail("%s: wants %s ABI version %" PRIu32 ", this tender speaks "
                    "version %" PRIu32, c->image_path, p->target_name,
                    abi->abi_version, p->abi_version);
    free(abi);

    if (!elf_find_note(c->image_fd, c->image_path, c->image, &mft1_query,
                       (void **)&c->mft, &c->mft_size))
        tender_fail("%s: no Solo5 manifest note: not a Solo5-ABI unikernel image",
                    c->image_path);
    const char *why = mft_check(c->mft, c->mft_size);
    if (why)
        tender_fail("%s: invalid manifest: %s", c->image_path, why);
    read_stack_note(c);
}

void tender_parse_args(const struct tender_platform *p, int argc, char **argv,
                       struct tender_config *c)
{
    int image_at;

    tender_name = p->name;
    memset(c, 0, sizeof *c);
    if (argc < 1)
        tender_fail("no arguments at all");

    /* Pass 1: find the image; --help and --version win over everything. */
    for (image_at = 1; image_at < argc && argv[image_at][0] == '-'; image_at++) {
        if (strcmp(argv[image_at], "--") == 0) {
            image_at++;
            break;
        }
        if (strcmp(argv[image_at], "--help") == 0)
            usage(p);
        if (strcmp(argv[image_at], "--version") == 0)
            version(p);
    }
    if (image_at >= argc)
        tender_fail("no unikernel image given (usage: %s [OPTIONS] IMAGE "
                    "[ARGS...]; see --help)", p->name);
    c->image_path = argv[image_at];
    c->app_argv = &argv[image_at + 1];

    c->image_fd = open(c->image_path, O_RDONLY | O_CLOEXEC);
    if (c->image_fd < 0)
        tender_fail("%s: cannot open: %s", c->image_path, strerror(errno));
    static struct elf_image image;
    c->image = &image;
    elf_read(c->image_fd, c->image_path, p->min_base, c->image);
    read_notes(p, c);

    /* Pass 2: the options, now that the manifest is known. */
    c->mem_size = p->mem_default_mib * MiB;
    for (int i = 1; i < image_at; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0)
            break;
        if (strncmp(arg, "--mem=", 6) == 0)
            c->mem_size = parse_mem(p, arg);
        else if (!tender_modules_option(p->modules, arg, c->mft))
            tender_fail("unknown option '%s' (see --help)", arg);
    }
    elf_check_fits(c->image_path, c->image, c->mem_size);
    place_stack(c);
}
