/*
 * vcpu_x86_64.c: the vCPU at entry, as the hvt ABI says: 64-bit long mode,
 * paging on with CR3 at the PML4, flat segments from the GDT, no IDT and no
 * interrupts; rip = entry, rsp = mem_size - 8, rdi = the boot info.
 * EFER.NXE is also set when the CPU has NX, so the page tables can make
 * data non-executable.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "hvt.h"
#include "x86_64.h"

void hvt_setup_cpuid(struct tender_guest *g)
{
    struct kvm_cpuid2 *cpuid = NULL;
    unsigned n = 64;

    for (;;) { /* grow until KVM stops saying E2BIG */
        free(cpuid);
        cpuid = calloc(1, sizeof *cpuid + n * sizeof cpuid->entries[0]);
        if (cpuid == NULL)
            tender_fail("out of memory for CPUID");
        cpuid->nent = n;
        if (ioctl(g->kvm_fd, KVM_GET_SUPPORTED_CPUID, cpuid) == 0)
            break;
        if (errno != E2BIG || n >= 4096)
            tender_fail("KVM_GET_SUPPORTED_CPUID: %s", strerror(errno));
        n *= 2;
    }
    g->nx = false;
    for (unsigned i = 0; i < cpuid->nent; i++)
        if (cpuid->entries[i].function == 0x80000001)
            g->nx = (cpuid->entries[i].edx >> 20) & 1;
    if (ioctl(g->vcpu_fd, KVM_SET_CPUID2, cpuid) != 0)
        tender_fail("KVM_SET_CPUID2: %s", strerror(errno));
    free(cpuid);

    if (ioctl(g->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_GET_TSC_KHZ) != 1)
        tender_fail("KVM cannot report the TSC frequency (no KVM_CAP_GET_TSC_KHZ)");
    int khz = ioctl(g->vcpu_fd, KVM_GET_TSC_KHZ, 0);
    if (khz <= 0)
        tender_fail("KVM_GET_TSC_KHZ: %s", khz < 0 && errno == EIO
                    ? "the host TSC is unstable" : strerror(errno));
    g->tsc_hz = (uint64_t)khz * 1000;
}

static struct kvm_segment flat_segment(uint16_t selector, uint8_t type, bool code)
{
    return (struct kvm_segment){
        .base = 0, .limit = 0xffffffff, .selector = selector, .type = type,
        .present = 1, .dpl = 0, .db = code ? 0 : 1, .s = 1, .l = code ? 1 : 0,
        .g = 1};
}

void hvt_setup_vcpu(struct tender_guest *g, uint64_t entry)
{
    struct kvm_sregs sregs;

    if (ioctl(g->vcpu_fd, KVM_GET_SREGS, &sregs) != 0)
        tender_fail("KVM_GET_SREGS: %s", strerror(errno));
    sregs.cr0 = X86_CR0_PE | X86_CR0_NE | X86_CR0_WP | X86_CR0_PG;
    sregs.cr3 = X86_PML4_BASE;
    sregs.cr4 = X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
    sregs.efer = X86_EFER_LME | X86_EFER_LMA | (g->nx ? X86_EFER_NXE : 0);
    sregs.cs = flat_segment(X86_SEL_CODE, 0xb, true);
    sregs.ds = sregs.es = sregs.fs = sregs.gs = sregs.ss =
        flat_segment(X86_SEL_DATA, 0x3, false);
    sregs.gdt.base = X86_GDT_BASE;
    sregs.gdt.limit = 3 * 8 - 1;
    sregs.idt.base = 0;
    sregs.idt.limit = 0;
    /* VM entry wants a usable TR (a busy 64-bit TSS) and an unusable LDT. */
    sregs.tr = (struct kvm_segment){.type = 11, .present = 1};
    sregs.ldt = (struct kvm_segment){.unusable = 1};
    if (ioctl(g->vcpu_fd, KVM_SET_SREGS, &sregs) != 0)
        tender_fail("KVM_SET_SREGS: %s", strerror(errno));

    struct kvm_regs regs = {
        .rip = entry,
        /* (rsp + 8) % 16 == 0 at a function's entry; below the ring, if any */
        .rsp = (g->ring_gpa ? g->ring_gpa : g->mem_size) - 8,
        .rdi = HVT_BOOT_INFO_BASE,
        .rflags = X86_RFLAGS_RESERVED,
    };
    if (ioctl(g->vcpu_fd, KVM_SET_REGS, &regs) != 0)
        tender_fail("KVM_SET_REGS: %s", strerror(errno));
}
