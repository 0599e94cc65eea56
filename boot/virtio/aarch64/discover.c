/*
 * Kiln boot shim, virtio on aarch64: where the devices are. QEMU's virt
 * board has 32 virtio-mmio transports, listed in the device tree (dtb.c
 * keeps their bases in tree order); QEMU puts each -device on the free
 * transport with the highest address, so they are read from the highest
 * address down: devices are found in the order they were created, the
 * manifest's (the launcher's contract, as on microvm).
 */
#include "virt.h"
#include "virtio_dev.h"

void virtio_discover(virtio_add_fn *add)
{
    uint64_t done = 0; /* a bit per entry of virt_info.mmio already probed */

    for (unsigned n = 0; n < virt_info.mmio_count; n++) {
        unsigned top = VIRT_MMIO_MAX;
        for (unsigned i = 0; i < virt_info.mmio_count; i++)
            if (!(done & (1ULL << i)) &&
                (top == VIRT_MMIO_MAX || virt_info.mmio[i] > virt_info.mmio[top]))
                top = i;
        done |= 1ULL << top;
        virtio_mmio_probe(virt_info.mmio[top], add);
    }
}
