/*
 * kvm.c: the VM: /dev/kvm, guest memory as one slot at guest physical 0,
 * one vCPU and its run structure.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hvt.h"

void hvt_kvm_init(struct tender_guest *g, size_t mem_size)
{
    g->kvm_fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (g->kvm_fd < 0)
        tender_fail("cannot open /dev/kvm: %s (is KVM enabled, and may this user "
                    "use it? Without KVM, Kiln's scripts/kvm-in-qemu, or make "
                    "run-nested, runs hvt in a VM with a KVM of its own)",
                    strerror(errno));
    int api = ioctl(g->kvm_fd, KVM_GET_API_VERSION, 0);
    if (api != KVM_API_VERSION)
        tender_fail("/dev/kvm speaks API version %d, not %d", api, KVM_API_VERSION);
    if (ioctl(g->kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) != 1)
        tender_fail("KVM lacks KVM_CAP_USER_MEMORY");
    g->vm_fd = ioctl(g->kvm_fd, KVM_CREATE_VM, 0);
    if (g->vm_fd < 0)
        tender_fail("KVM_CREATE_VM: %s", strerror(errno));

    g->mem = mmap(NULL, mem_size, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (g->mem == MAP_FAILED)
        tender_fail("cannot allocate %zu MiB of guest memory: %s", mem_size / MiB,
                    strerror(errno));
    g->mem_size = mem_size;
    struct kvm_userspace_memory_region region = {
        .slot = 0,
        .guest_phys_addr = 0,
        .memory_size = mem_size,
        .userspace_addr = (uintptr_t)g->mem,
    };
    if (ioctl(g->vm_fd, KVM_SET_USER_MEMORY_REGION, &region) != 0)
        tender_fail("KVM_SET_USER_MEMORY_REGION: %s", strerror(errno));

    g->vcpu_fd = ioctl(g->vm_fd, KVM_CREATE_VCPU, 0);
    if (g->vcpu_fd < 0)
        tender_fail("KVM_CREATE_VCPU: %s", strerror(errno));
    int run_size = ioctl(g->kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (run_size < (int)sizeof(struct kvm_run))
        tender_fail("KVM_GET_VCPU_MMAP_SIZE: %s", strerror(errno));
    g->run = mmap(NULL, (size_t)run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
                  g->vcpu_fd, 0);
    if (g->run == MAP_FAILED)
        tender_fail("cannot map the vCPU run structure: %s", strerror(errno));
}
