/*
 * Kiln boot shim: looking devices up in the tender's copy of the manifest.
 *
 * The tender validated the manifest and attached every entry before the
 * guest started; these checks only keep a wrong handle or name from reading
 * past the table.
 */
#include "boot.h"

const struct mft *kiln_mft;

static int name_equal(const char *entry_name, const char *name)
{
    for (size_t i = 0; i < MFT_NAME_SIZE; i++) {
        if (entry_name[i] != name[i])
            return 0;
        if (name[i] == '\0')
            return 1;
    }
    return 0; /* name is longer than any entry's */
}

static uint32_t entry_count(void)
{
    if (kiln_mft == NULL)
        return 0;
    return kiln_mft->entries < MFT_MAX_ENTRIES ? kiln_mft->entries
                                               : MFT_MAX_ENTRIES;
}

const struct mft_entry *kiln_mft_by_name(const char *name, mft_type_t type,
                                         solo5_handle_t *index)
{
    if (name == NULL || name[0] == '\0')
        return NULL;
    uint32_t n = entry_count();
    /* Entry 0 is the reserved entry, never a device. */
    for (uint32_t i = 1; i < n; i++) {
        const struct mft_entry *e = &kiln_mft->e[i];
        if (e->type == type && name_equal(e->name, name)) {
            if (!e->attached)
                return NULL;
            *index = i;
            return e;
        }
    }
    return NULL;
}

const struct mft_entry *kiln_mft_by_handle(solo5_handle_t handle,
                                           mft_type_t type)
{
    if (handle == 0 || handle >= entry_count())
        return NULL;
    const struct mft_entry *e = &kiln_mft->e[handle];
    if (e->type != type || !e->attached)
        return NULL;
    return e;
}
