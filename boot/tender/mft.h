/*
 * mft.h: the host's view of an image's manifest (see kiln/mft_abi.h).
 */
#ifndef KILN_TENDER_MFT_H
#define KILN_TENDER_MFT_H

#include <stddef.h>

#include "kiln/mft_abi.h"

/*
 * Check a manifest read from an image (size bytes): version, entry count
 * matching size, entry 0 reserved, names terminated, non-empty, made of
 * [A-Za-z0-9] and unique, known device types, nothing attached yet. Returns
 * NULL if it is sound, else a short description of the first problem.
 */
const char *mft_check(const struct mft *mft, size_t size);

/* The entry called name, or NULL. */
struct mft_entry *mft_find(struct mft *mft, const char *name);

/* The entry with index handle and type type, or NULL. */
struct mft_entry *mft_by_handle(struct mft *mft, uint64_t handle, mft_type_t type);

/* "block", "net", ... */
const char *mft_type_name(mft_type_t type);

/* Write the names of the devices of type type into buf as "a, b" ("none" if none). */
void mft_list_names(const struct mft *mft, mft_type_t type, char *buf, size_t size);

#endif /* KILN_TENDER_MFT_H */
