/*
 * Kiln boot shim, virtio on aarch64: the console, the virt board's PL011
 * UART (QEMU's -serial). Its base is the device tree's (virt_console_use),
 * 0x09000000 on QEMU's virt until then; QEMU's model needs no set-up.
 */
#include "virt.h"

#define PL011_DR 0x00     /* data register                       */
#define PL011_FR 0x18     /* flag register                       */
#define PL011_FR_TXFF 0x20 /* transmit FIFO full                 */

static uintptr_t uart = VIRT_PL011_BASE;

void virt_console_use(uintptr_t base)
{
    uart = base;
}

void platform_puts(const char *buf, size_t len)
{
    volatile uint32_t *dr = (volatile uint32_t *)(uart + PL011_DR);
    volatile uint32_t *fr = (volatile uint32_t *)(uart + PL011_FR);

    for (size_t i = 0; i < len; i++) {
        while (*fr & PL011_FR_TXFF)
            ;
        *dr = (uint8_t)buf[i];
    }
}

void solo5_console_write(const char *buf, size_t size)
{
    platform_puts(buf, size);
}
