/*
 * dev_option.c: the NAME=VALUE part of the device options.
 */
#include <string.h>

#include "devices.h"
#include "mft.h"
#include "tender.h"

struct mft_entry *dev_option_entry(const char *arg, const char *prefix,
                                   struct mft *mft, mft_type_t type,
                                   const char *want, const char **value)
{
    const char *name = arg + strlen(prefix);
    const char *eq = strchr(name, '=');
    char buf[MFT_NAME_SIZE];
    char list[256];

    if (eq == NULL || eq == name || eq[1] == '\0')
        tender_fail("%s: malformed: want %s", arg, want);
    size_t len = (size_t)(eq - name);
    if (len > MFT_NAME_MAX)
        tender_fail("%s: device name longer than %d characters", arg, MFT_NAME_MAX);
    memcpy(buf, name, len);
    buf[len] = '\0';

    struct mft_entry *e = mft_find(mft, buf);
    if (e == NULL) {
        mft_list_names(mft, type, list, sizeof list);
        tender_fail("%s: the image declares no %s device '%s' (it declares: %s)",
                    arg, mft_type_name(type), buf, list);
    }
    if (e->type != type)
        tender_fail("%s: '%s' is a %s device in the image, not a %s device", arg,
                    buf, mft_type_name(e->type), mft_type_name(type));
    *value = eq + 1;
    return e;
}
