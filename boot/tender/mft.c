/*
 * mft.c: check and search an image's manifest.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "mft.h"

static bool valid_name(const char *name)
{
    if (name[0] == '\0')
        return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

const char *mft_check(const struct mft *mft, size_t size)
{
    if (size < sizeof(struct mft))
        return "shorter than its header";
    if (mft->version != MFT_VERSION)
        return "unknown manifest version (want 1)";
    if (mft->entries < 1 || mft->entries > MFT_MAX_ENTRIES)
        return "entry count not between 1 and 64";
    if (size != sizeof(struct mft) + mft->entries * sizeof(struct mft_entry))
        return "size does not match its entry count";
    if (mft->e[0].type != MFT_RESERVED_FIRST || mft->e[0].name[0] != '\0')
        return "entry 0 is not the reserved entry";
    for (unsigned i = 0; i < mft->entries; i++) {
        const struct mft_entry *e = &mft->e[i];
        if (e->name[MFT_NAME_MAX] != '\0')
            return "a device name is not NUL-terminated";
        /*
         * The image's byte, read as a byte: any value but 0 or 1 in a
         * bool is undefined behaviour, and these bytes are untrusted.
         */
        unsigned char attached;
        memcpy(&attached, (const unsigned char *)e + offsetof(struct mft_entry, attached),
               sizeof attached);
        if (attached != 0)
            return "a device is marked attached in the image";
        if (i == 0)
            continue;
        if (e->type != MFT_DEV_BLOCK_BASIC && e->type != MFT_DEV_NET_BASIC)
            return "a device has an unknown type";
        if (!valid_name(e->name))
            return "a device name is empty or not made of [A-Za-z0-9]";
        for (unsigned j = 1; j < i; j++)
            if (strcmp(mft->e[j].name, e->name) == 0)
                return "two devices have the same name";
    }
    return NULL;
}

struct mft_entry *mft_find(struct mft *mft, const char *name)
{
    for (unsigned i = 1; i < mft->entries; i++)
        if (strcmp(mft->e[i].name, name) == 0)
            return &mft->e[i];
    return NULL;
}

struct mft_entry *mft_by_handle(struct mft *mft, uint64_t handle, mft_type_t type)
{
    if (handle == 0 || handle >= mft->entries || mft->e[handle].type != type)
        return NULL;
    return &mft->e[handle];
}

const char *mft_type_name(mft_type_t type)
{
    switch (type) {
    case MFT_DEV_BLOCK_BASIC:
        return "block";
    case MFT_DEV_NET_BASIC:
        return "net";
    default:
        return "reserved";
    }
}

void mft_list_names(const struct mft *mft, mft_type_t type, char *buf, size_t size)
{
    size_t used = 0;

    buf[0] = '\0';
    for (unsigned i = 1; i < mft->entries && used < size; i++) {
        if (mft->e[i].type != type)
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                         mft->e[i].name);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (buf[0] == '\0')
        snprintf(buf, size, "none");
}
