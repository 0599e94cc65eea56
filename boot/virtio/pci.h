/*
 * Kiln boot shim, virtio: PCI configuration space through the legacy x86
 * mechanism (ports 0xCF8/0xCFC), which QEMU's pc and q35 machines both
 * answer.
 */
#ifndef KILN_VIRTIO_PCI_H
#define KILN_VIRTIO_PCI_H

#include <stdint.h>

/* A PCI function: where it is and what it says it is. */
struct pci_func {
    uint8_t bus, slot, fn;
    uint16_t vendor, device;
};

/* Configuration registers used here (offsets into the 256-byte header). */
#define PCI_CFG_ID 0x00       /* vendor (low 16), device (high 16)      */
#define PCI_CFG_COMMAND 0x04  /* command (low 16), status (high 16)     */
#define PCI_CFG_HEADER 0x0c   /* header type is byte 2 of this dword    */
#define PCI_CFG_BAR0 0x10
#define PCI_CFG_SUBSYS 0x2c   /* subsystem vendor (low), subsystem (high) */
#define PCI_CFG_BUSES 0x18    /* bridges: primary, secondary, subordinate */

#define PCI_COMMAND_IO 0x0001         /* decode the I/O BARs              */
#define PCI_COMMAND_MASTER 0x0004     /* the device may DMA               */
#define PCI_COMMAND_INTX_OFF 0x0400   /* no INTx: the shim polls          */

uint32_t pci_read32(const struct pci_func *f, uint8_t offset);
void pci_write16(const struct pci_func *f, uint8_t offset, uint16_t value);

/*
 * Call found(f, arg) for each function on bus 0 and on the buses behind
 * its PCI-to-PCI bridges, in bus, slot, function order. Returns 0 when no
 * PCI host bridge answers (microvm), else 1.
 */
int pci_scan(void (*found)(const struct pci_func *f, void *arg), void *arg);

#endif /* KILN_VIRTIO_PCI_H */
