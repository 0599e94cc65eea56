/*
 * Kiln boot shim, hvt: what the hvt platform's files share.
 */
#ifndef KILN_HVT_H
#define KILN_HVT_H

#include "boot.h"
#include "x86_64.h"
#include "kiln/hvt_abi.h"

/* Calibrate the monotonic clock from the TSC frequency in Hz (clock.c). */
void hvt_clock_init(uint64_t tsc_hz);

/* Take the tender's shared network ring if it offers one (net_io.c). */
void hvt_net_init(const struct hvt_boot_info *bi);

#endif /* KILN_HVT_H */
