/*
 * Kiln boot shim, virtio: halt and the thread pointer.
 *
 * There is no tender to tell the exit status to, so platform_halt tries
 * the ways out a virtual machine may offer, in order:
 *
 *   1. the status byte to KILN_STATUS_PORT (exit_ports.h), an
 *      isa-debugcon that the launcher (kiln-qemu) attaches to a file and
 *      reads the full status back from;
 *   2. outl to DEBUG_EXIT_PORT, QEMU's isa-debug-exit: QEMU exits at once
 *      with (status << 1) | 1, so its own exit status is odd and, for
 *      statuses above 127, truncated (hence 1.);
 *   3. ACPI soft-off: SLP_EN with SLP_TYP 0 (QEMU's \_S5) in PM1a_CNT at
 *      I/O port 0x604, where the firmware puts the PIIX4 (pc) and ICH9
 *      (q35) power management registers;
 *   4. a reset pulse from the i8042 keyboard controller (port 0x64),
 *      which Firecracker turns into a VM exit and QEMU -no-reboot into
 *      its end;
 *   5. otherwise stop the CPU for good.
 * Ports a machine lacks ignore writes, so trying each costs nothing.
 */
#include "virtio.h"
#include "cpu_sys.h"
#include "exit_ports.h"

#define ACPI_PM1A_CNT 0x604
#define ACPI_SLP_EN (1U << 13)
#define I8042_COMMAND 0x64
#define I8042_PULSE_RESET 0xfe

void platform_halt(int status, void *cookie)
{
    (void)cookie; /* the trap frame: already printed, no one to hand it to */
    cpu_outb(KILN_STATUS_PORT, (uint8_t)status);
    cpu_outl(DEBUG_EXIT_PORT, (uint8_t)status);
    cpu_outw(ACPI_PM1A_CNT, ACPI_SLP_EN);
    cpu_outb(I8042_COMMAND, I8042_PULSE_RESET);
    cpu_halt_forever();
}

int platform_set_tls_base(uintptr_t base)
{
    cpu_wrmsr(MSR_FS_BASE, base);
    return 0;
}
