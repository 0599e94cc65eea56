/*
 * Kiln boot shim, virtio: the I/O ports a guest stops QEMU through, shared
 * by the 32-bit entry code (entry32.S) and platform_halt (platform.c), and
 * matched by boot/virtio/kiln-qemu's -device options.
 *
 * KILN_STATUS_PORT: an isa-debugcon of Kiln's own that the launcher
 * attaches to a file, so it reads the whole 8-bit exit status back
 * (isa-debug-exit cannot carry it). Not 0x402, QEMU's usual debugcon port:
 * SeaBIOS logs there.
 * DEBUG_EXIT_PORT: isa-debug-exit; QEMU exits at once with
 * (value << 1) | 1.
 */
#ifndef KILN_VIRTIO_EXIT_PORTS_H
#define KILN_VIRTIO_EXIT_PORTS_H

#define KILN_STATUS_PORT 0x4f0
#define DEBUG_EXIT_PORT 0xf4

#endif /* KILN_VIRTIO_EXIT_PORTS_H */
