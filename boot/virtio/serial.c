/*
 * Kiln boot shim, virtio: the console, the first 16550 UART (COM1, I/O
 * port 0x3f8), which every QEMU x86 machine has (microvm too) and which
 * the launcher connects to its standard output.
 *
 * Bytes go out unchanged: "\n" is not turned into "\r\n", so the console
 * carries exactly what hvt's and spt's tenders print (the tests compare
 * it); a terminal's own newline translation (ONLCR) handles display.
 *
 * No interrupts: the transmitter is polled. Once the line status register
 * says the transmitter is empty (THRE), its 16-byte FIFO takes 16 bytes
 * without another look; on QEMU every port access is a VM exit, so that is
 * about 17 exits per 16 bytes instead of 32. A UART that is absent reads
 * 0xff (THRE set): output is then lost but never hangs.
 */
#include "virtio.h"
#include "cpu_sys.h"

#define COM1 0x3f8
#define UART_THR 0 /* transmit holding register (DLAB 0)     */
#define UART_DLL 0 /* divisor latch, low byte (DLAB 1)       */
#define UART_IER 1 /* interrupt enable (DLAB 0)              */
#define UART_DLM 1 /* divisor latch, high byte (DLAB 1)      */
#define UART_FCR 2 /* FIFO control                           */
#define UART_LCR 3 /* line control                           */
#define UART_MCR 4 /* modem control                          */
#define UART_LSR 5 /* line status                            */

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define FCR_ENABLE_CLEAR 0x07 /* FIFOs on, both cleared          */
#define MCR_DTR_RTS 0x03
#define LSR_THRE 0x20
#define UART_FIFO_SIZE 16
#define DIVISOR_115200 1 /* 1.8432 MHz / 16 / 115200 */

void virtio_serial_init(void)
{
    cpu_outb(COM1 + UART_IER, 0);
    cpu_outb(COM1 + UART_LCR, LCR_DLAB);
    cpu_outb(COM1 + UART_DLL, DIVISOR_115200);
    cpu_outb(COM1 + UART_DLM, 0);
    cpu_outb(COM1 + UART_LCR, LCR_8N1);
    cpu_outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR);
    cpu_outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

void platform_puts(const char *buf, size_t len)
{
    while (len > 0) {
        while (!(cpu_inb(COM1 + UART_LSR) & LSR_THRE))
            __asm__ __volatile__("pause");
        size_t n = len < UART_FIFO_SIZE ? len : UART_FIFO_SIZE;
        for (size_t i = 0; i < n; i++)
            cpu_outb(COM1 + UART_THR, (uint8_t)buf[i]);
        buf += n;
        len -= n;
    }
}

void solo5_console_write(const char *buf, size_t size)
{
    platform_puts(buf, size);
}
