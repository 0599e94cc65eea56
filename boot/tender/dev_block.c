/*
 * dev_block.c: block devices backed by host files.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devices.h"
#include "tender.h"

#define BLOCK_PREFIX "--block:"
#define SECTOR_PREFIX "--block-sector-size:"
#define BLOCK_SIZE_DEFAULT 512
#define BLOCK_SIZE_MAX 32768 /* block_size is a u16 in the manifest */

static void attach(const char *arg, struct mft *mft)
{
    const char *path;
    struct mft_entry *e = dev_option_entry(arg, BLOCK_PREFIX, mft,
                                           MFT_DEV_BLOCK_BASIC,
                                           "--block:NAME=FILE", &path);
    if (e->attached)
        tender_fail("%s: block device '%s' is attached twice", arg, e->name);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        tender_fail("%s: cannot open '%s' read-write: %s", arg, path,
                    strerror(errno));
    off_t size = lseek(fd, 0, SEEK_END);
    if (size < 0)
        tender_fail("%s: cannot find the size of '%s': %s", arg, path,
                    strerror(errno));
    e->u.block_basic.capacity = (uint64_t)size;
    e->b.hostfd = fd;
    e->attached = true;
}

static void set_block_size(const char *arg, struct mft *mft)
{
    const char *v;
    char *end;
    struct mft_entry *e = dev_option_entry(arg, SECTOR_PREFIX, mft,
                                           MFT_DEV_BLOCK_BASIC,
                                           "--block-sector-size:NAME=N", &v);
    errno = 0;
    unsigned long n = strtoul(v, &end, 10);
    if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 || n < 512 ||
        n > BLOCK_SIZE_MAX || (n & (n - 1)) != 0)
        tender_fail("%s: the block size must be a power of two from 512 to %d",
                    arg, BLOCK_SIZE_MAX);
    e->u.block_basic.block_size = (uint16_t)n;
}

bool dev_block_option(const char *arg, struct mft *mft)
{
    if (strncmp(arg, BLOCK_PREFIX, strlen(BLOCK_PREFIX)) == 0)
        attach(arg, mft);
    else if (strncmp(arg, SECTOR_PREFIX, strlen(SECTOR_PREFIX)) == 0)
        set_block_size(arg, mft);
    else
        return false;
    return true;
}

void dev_block_finish(struct mft *mft)
{
    for (unsigned i = 1; i < mft->entries; i++) {
        struct mft_entry *e = &mft->e[i];
        if (e->type != MFT_DEV_BLOCK_BASIC || !e->attached)
            continue;
        if (e->u.block_basic.block_size == 0)
            e->u.block_basic.block_size = BLOCK_SIZE_DEFAULT;
        uint64_t bs = e->u.block_basic.block_size;
        uint64_t cap = e->u.block_basic.capacity;
        if (cap < bs || cap % bs != 0)
            tender_fail("block device '%s': its file has %" PRIu64 " bytes, "
                        "which is not a non-zero multiple of the block size "
                        "(%" PRIu64 ")", e->name, cap, bs);
    }
}
