/*
 * Kiln boot shim, virtio on aarch64: halt and the thread pointer.
 *
 * platform_halt tries the ways out of the virtual machine in order:
 *
 *   1. semihosting SYS_EXIT with ADP_Stopped_ApplicationExit and the
 *      status (the AArch64 semihosting call, HLT #0xf000): QEMU started
 *      with -semihosting exits with the status as its own, which is how
 *      the launcher (kiln-qemu --machine=virt) learns it. Without
 *      semihosting the HLT is an undefined instruction; the exception
 *      handler resumes after it (resume_failed_call);
 *   2. PSCI SYSTEM_OFF through the conduit the device tree names (hvc on
 *      QEMU's virt without EL2/EL3, smc with them): the machine powers
 *      off, QEMU exits 0, the status is lost (it was printed under
 *      --solo5:info);
 *   3. otherwise stop the CPU for good.
 */
#include "virt.h"
#include "aarch64.h"
#include "cpu.h"

#define SEMIHOSTING_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define PSCI_SYSTEM_OFF 0x84000008UL

/* The conduit for PSCI: the device tree's /psci method (virt_dtb.c). */
enum virt_psci_conduit virt_psci = VIRT_PSCI_HVC;

/* The addresses of the calls that may be undefined on this machine. */
extern const char kiln_virt_semihosting_insn[], kiln_virt_psci_hvc_insn[],
    kiln_virt_psci_smc_insn[];

__attribute__((noinline, noclone)) static void semihosting_exit(int status)
{
    /* The parameter block: reason, subcode (the exit status). */
    static uint64_t block[2];
    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint64_t)(int64_t)status;
    register uint64_t x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT;
    register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;
    __asm__ __volatile__(".global kiln_virt_semihosting_insn\n"
                         "kiln_virt_semihosting_insn: hlt #0xf000"
                         : "+r"(x0)
                         : "r"(x1)
                         : "memory");
}

__attribute__((noinline, noclone)) static void psci_system_off(void)
{
    register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;
    if (virt_psci == VIRT_PSCI_SMC)
        __asm__ __volatile__(".global kiln_virt_psci_smc_insn\n"
                             "kiln_virt_psci_smc_insn: smc #0"
                             : "+r"(x0) : : "memory");
    else
        __asm__ __volatile__(".global kiln_virt_psci_hvc_insn\n"
                             "kiln_virt_psci_hvc_insn: hvc #0"
                             : "+r"(x0) : : "memory");
}

/* The exception of an exit call the machine lacks: go on after it. */
static int resume_failed_call(struct aarch64_trap_frame *f)
{
    if (f->elr != (uintptr_t)kiln_virt_semihosting_insn &&
        f->elr != (uintptr_t)kiln_virt_psci_hvc_insn &&
        f->elr != (uintptr_t)kiln_virt_psci_smc_insn)
        return 0;
    f->elr += 4;
    return 1;
}

void platform_halt(int status, void *cookie)
{
    (void)cookie; /* the trap frame: already printed, no one to hand it to */
    aarch64_trap_resume_hook = resume_failed_call;
    semihosting_exit(status);
    psci_system_off();
    cpu_halt_forever();
}

int platform_set_tls_base(uintptr_t base)
{
    cpu_write_sysreg(tpidr_el0, base);
    return 0;
}
