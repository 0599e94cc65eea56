/*
 * Kiln boot shim, virtio: finding PCI functions.
 *
 * Only the buses that exist are read: bus 0, then the secondary bus of
 * each PCI-to-PCI bridge found. Every configuration access is two port
 * accesses, each a VM exit, so a brute-force walk of 256 buses would cost
 * far more than the boot path is allowed.
 */
#include "cpu_sys.h"
#include "pci.h"

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc

static uint32_t config_address(const struct pci_func *f, uint8_t offset)
{
    return 0x80000000u | (uint32_t)f->bus << 16 | (uint32_t)f->slot << 11 |
           (uint32_t)f->fn << 8 | (offset & 0xfcu);
}

uint32_t pci_read32(const struct pci_func *f, uint8_t offset)
{
    cpu_outl(PCI_CONFIG_ADDRESS, config_address(f, offset));
    return cpu_inl(PCI_CONFIG_DATA);
}

void pci_write16(const struct pci_func *f, uint8_t offset, uint16_t value)
{
    cpu_outl(PCI_CONFIG_ADDRESS, config_address(f, offset));
    cpu_outw(PCI_CONFIG_DATA + (offset & 2), value);
}

/* Nothing decodes the address: the bus returns all ones (or, rarely, 0). */
static int absent(uint32_t id)
{
    uint16_t vendor = (uint16_t)id;
    return vendor == 0xffff || vendor == 0;
}

/* Report function f, and queue the bus behind it if it is a bridge. */
static void visit(struct pci_func *f, uint32_t id, uint64_t *buses,
                  void (*found)(const struct pci_func *, void *), void *arg)
{
    f->vendor = (uint16_t)id;
    f->device = (uint16_t)(id >> 16);
    found(f, arg);

    uint8_t header_type = (uint8_t)(pci_read32(f, PCI_CFG_HEADER) >> 16) & 0x7f;
    if (header_type == 1) {
        uint8_t secondary = (uint8_t)(pci_read32(f, PCI_CFG_BUSES) >> 8);
        /* The firmware numbers buses depth first, so a secondary bus is
         * always above its parent; anything else is not followed (no loops). */
        if (secondary > f->bus)
            buses[secondary / 64] |= 1ULL << (secondary % 64);
    }
}

int pci_scan(void (*found)(const struct pci_func *f, void *arg), void *arg)
{
    struct pci_func host = {.bus = 0, .slot = 0, .fn = 0};
    if (absent(pci_read32(&host, PCI_CFG_ID)))
        return 0;

    uint64_t buses[4] = {1, 0, 0, 0}; /* bus 0 */
    for (unsigned bus = 0; bus < 256; bus++) {
        if (!(buses[bus / 64] & (1ULL << (bus % 64))))
            continue;
        for (uint8_t slot = 0; slot < 32; slot++) {
            struct pci_func f = {.bus = (uint8_t)bus, .slot = slot, .fn = 0};
            uint32_t id = pci_read32(&f, PCI_CFG_ID);
            if (absent(id))
                continue;
            /* Bit 7 of function 0's header type: functions 1-7 exist. */
            int multi = (pci_read32(&f, PCI_CFG_HEADER) >> 23) & 1;
            visit(&f, id, buses, found, arg);
            for (uint8_t fn = 1; multi && fn < 8; fn++) {
                f.fn = fn;
                id = pci_read32(&f, PCI_CFG_ID);
                if (!absent(id))
                    visit(&f, id, buses, found, arg);
            }
        }
    }
    return 1;
}
