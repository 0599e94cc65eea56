/*
 * devices.h: attaching the manifest's devices from command-line options,
 * the part both tenders share. Each tender's block and net modules call
 * these from their option and setup hooks, then add what is theirs
 * (hypercalls on hvt, seccomp rules on spt).
 *
 * An attached entry holds the open host fd in b.hostfd and its properties
 * (block: capacity, block_size; net: mac, mtu) in u.
 */
#ifndef KILN_TENDER_DEVICES_H
#define KILN_TENDER_DEVICES_H

#include <stdbool.h>

#include "kiln/mft_abi.h"

#define DEV_BLOCK_USAGE                                                       \
    "--block:NAME=FILE           attach FILE as block device NAME\n"          \
    "--block-sector-size:NAME=N  its block size: a power of two, 512..32768 " \
    "(default 512)"

#define DEV_NET_USAGE                                                         \
    "--net:NAME=TAP              attach tap interface TAP as net device NAME\n" \
    "--net:NAME=@FD              ... or the already open tap file descriptor FD\n" \
    "--net-mac:NAME=MAC          its MAC, xx:xx:xx:xx:xx:xx (default: random)"

/* --block:NAME=FILE, --block-sector-size:NAME=N */
bool dev_block_option(const char *arg, struct mft *mft);

/* After all options: default block sizes, check capacities. */
void dev_block_finish(struct mft *mft);

/* --net:NAME=TAP|@FD, --net-mac:NAME=MAC */
bool dev_net_option(const char *arg, struct mft *mft);

/* After all options: give each attached net device without a MAC a random one. */
void dev_net_finish(struct mft *mft);

/*
 * Parse "PREFIXNAME=VALUE": check NAME, find it in the manifest with type
 * type (exiting with a message naming the option if it is absent or of the
 * other type) and return the entry; *value points at VALUE.
 */
struct mft_entry *dev_option_entry(const char *arg, const char *prefix,
                                   struct mft *mft, mft_type_t type,
                                   const char *want, const char **value);

#endif /* KILN_TENDER_DEVICES_H */
