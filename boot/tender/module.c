/*
 * module.c: hand options and setup to a tender's modules.
 */
#include "mft.h"
#include "tender.h"

bool tender_modules_option(const struct tender_module *const *modules,
                           const char *arg, struct mft *mft)
{
    for (; *modules; modules++)
        if ((*modules)->option && (*modules)->option(arg, mft))
            return true;
    return false;
}

void tender_modules_setup(const struct tender_module *const *modules,
                          struct tender_guest *guest, struct mft *mft)
{
    for (const struct tender_module *const *m = modules; *m; m++)
        if ((*m)->setup)
            (*m)->setup(guest, mft);

    for (unsigned i = 1; i < mft->entries; i++) {
        const struct mft_entry *e = &mft->e[i];
        if (!e->attached)
            tender_fail("the image declares %s device '%s' but it is not attached: "
                        "add --%s:%s=%s", mft_type_name(e->type), e->name,
                        mft_type_name(e->type), e->name,
                        e->type == MFT_DEV_NET_BASIC ? "TAP" : "FILE");
    }
}
