/*
 * Kiln boot shim, virtio on x86_64: where the devices are. pc and q35 have
 * PCI (virtio_pci.c); microvm has none, and its virtio-mmio transports at
 * fixed addresses (virtio_mmio.c).
 */
#include "virtio_dev.h"

void virtio_discover(virtio_add_fn *add)
{
    if (!virtio_pci_find(add))
        virtio_mmio_find(add);
}
