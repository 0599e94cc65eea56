/*
 * Kiln boot shim, virtio: pages for the start-up (page tables, device
 * queues), taken from RAM just past the image before the application
 * starts. The last page handed out is where the common start-up begins
 * (kernel_end: the TLS block, then the heap), so nothing is reserved twice.
 *
 * The loaders do not zero RAM beyond the image (a multiboot loader leaves
 * its information there), so every page is zeroed here.
 */
#include "virtio.h"

static uintptr_t next_page; /* 0 until the first call */

void *virtio_alloc_pages(size_t npages)
{
    if (next_page == 0)
        next_page = KILN_ALIGN_UP((uintptr_t)__kiln_image_end, KILN_PAGE_SIZE);
    uintptr_t p = next_page;
    uint64_t size = (uint64_t)npages * KILN_PAGE_SIZE;

    /* kiln_stack is set before the first call (start.c). */
    if (npages > kiln_stack.guard_start / KILN_PAGE_SIZE ||
        p + size > kiln_stack.guard_start)
        kiln_fatal("virtio: out of memory for page tables and device queues:"
                   " give the machine more (QEMU -m, --mem)");
    next_page = p + size;

    kiln_zero_qwords((void *)p, size / 8);
    return (void *)p;
}
