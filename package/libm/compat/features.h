/* features.h as musl's internal one (src/include/features.h) is seen by libm's
 * data headers: they only want `hidden`, which libm-compat.h defines. */
#include "libm-compat.h"
