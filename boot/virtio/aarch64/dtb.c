/*
 * Kiln boot shim, virtio on aarch64: what the virt board's device tree
 * says, through the bounds-checked reader (../../common/fdt.c).
 *
 * QEMU's virt puts what Kiln needs in children of the root: /memory@...,
 * /chosen (bootargs: -append), /psci (method), /pl011@9000000,
 * /pl031@9010000 and /virtio_mmio@a000000... (32 of them); their reg is
 * in the root's #address-cells and #size-cells (2 and 2 on virt).
 */
#include "virt.h"
#include "fdt.h"

/* What one child of the root says, gathered until its END_NODE. */
struct node {
    const char *name;
    const uint8_t *compatible, *reg, *method, *bootargs, *device_type;
    uint32_t compatible_len, reg_len, method_len, bootargs_len, device_type_len;
};

static void dtb_fatal(const char *why) __attribute__((noreturn));
static void dtb_fatal(const char *why)
{
    struct kiln_line l = {.len = 0};
    kiln_line_str(&l, "kiln: virtio: the device tree is unusable: ");
    kiln_line_str(&l, why);
    kiln_line_str(&l, " (QEMU -M virt passes a good one; another loader must"
                      " pass its address in x0)\n");
    kiln_line_flush(&l);
    platform_halt(KILN_EXIT_TENDER_ERROR, NULL);
}

static int is_compatible(const struct node *n, const char *c)
{
    return n->compatible != NULL &&
           fdt_stringlist_has(n->compatible, n->compatible_len, c);
}

/* The first address in reg (0 if it has none), *size its size. */
static uint64_t reg_first(const struct node *n, uint32_t ac, uint32_t sc,
                          uint64_t *size)
{
    if (n->reg == NULL || n->reg_len < 4 * (ac + sc))
        return 0;
    if (size != NULL)
        *size = sc == 0 ? 0 : fdt_cells(n->reg + 4 * ac, sc);
    return fdt_cells(n->reg, ac);
}

static void take_node(const struct node *n, uint32_t ac, uint32_t sc,
                      struct virt_info *info)
{
    if (fdt_node_is(n->name, "memory") ||
        (n->device_type != NULL &&
         fdt_stringlist_has(n->device_type, n->device_type_len, "memory"))) {
        uint64_t size = 0, start = reg_first(n, ac, sc, &size);
        if (info->ram_size == 0 && size != 0) {
            info->ram_start = start;
            info->ram_size = size;
        }
    } else if (fdt_node_is(n->name, "chosen")) {
        /* A string: NUL-terminated inside its length. */
        if (n->bootargs != NULL && n->bootargs_len > 0 &&
            n->bootargs[n->bootargs_len - 1] == '\0') {
            info->bootargs = (const char *)n->bootargs;
            info->bootargs_len = n->bootargs_len - 1;
        }
    } else if (is_compatible(n, "arm,psci") || is_compatible(n, "arm,psci-0.2") ||
               is_compatible(n, "arm,psci-1.0")) {
        if (n->method != NULL && fdt_stringlist_has(n->method, n->method_len, "smc"))
            info->psci = VIRT_PSCI_SMC;
        else if (n->method != NULL &&
                 fdt_stringlist_has(n->method, n->method_len, "hvc"))
            info->psci = VIRT_PSCI_HVC;
    } else if (is_compatible(n, "arm,pl011")) {
        if (info->pl011 == 0)
            info->pl011 = reg_first(n, ac, sc, NULL);
    } else if (is_compatible(n, "arm,pl031")) {
        if (info->pl031 == 0)
            info->pl031 = reg_first(n, ac, sc, NULL);
    } else if (is_compatible(n, "virtio,mmio")) {
        uint64_t base = reg_first(n, ac, sc, NULL);
        if (base != 0 && info->mmio_count < VIRT_MMIO_MAX)
            info->mmio[info->mmio_count++] = base;
    }
}

static int is_prop(const struct fdt_token *t, const char *name)
{
    const char *a = t->name;
    while (*name != '\0' && *a == *name) {
        a++;
        name++;
    }
    return *a == '\0' && *name == '\0';
}

void virt_dtb_read(const void *dtb, uint64_t avail, struct virt_info *info)
{
    struct fdt f;
    struct fdt_token t;
    struct node n = {0};
    const char *error = fdt_open(&f, dtb, avail);
    uint32_t ac = 2, sc = 1; /* the specification's defaults */
    int r;

    if (error != NULL)
        dtb_fatal(error);
    info->bootargs = "";
    info->bootargs_len = 0;
    while ((r = fdt_next(&f, &t, &error)) == 1) {
        if (t.kind == FDT_TOKEN_PROP && t.depth == 1) {
            if (is_prop(&t, "#address-cells") && t.len == 4)
                ac = fdt_be32(t.value);
            else if (is_prop(&t, "#size-cells") && t.len == 4)
                sc = fdt_be32(t.value);
            if (ac < 1 || ac > 2 || sc > 2)
                dtb_fatal("the root's #address-cells or #size-cells is not "
                          "1 or 2");
        } else if (t.kind == FDT_TOKEN_BEGIN_NODE && t.depth == 2) {
            n = (struct node){.name = t.name};
        } else if (t.kind == FDT_TOKEN_PROP && t.depth == 2) {
            if (is_prop(&t, "compatible"))
                n.compatible = t.value, n.compatible_len = t.len;
            else if (is_prop(&t, "reg"))
                n.reg = t.value, n.reg_len = t.len;
            else if (is_prop(&t, "method"))
                n.method = t.value, n.method_len = t.len;
            else if (is_prop(&t, "bootargs"))
                n.bootargs = t.value, n.bootargs_len = t.len;
            else if (is_prop(&t, "device_type"))
                n.device_type = t.value, n.device_type_len = t.len;
        } else if (t.kind == FDT_TOKEN_END_NODE && t.depth == 2) {
            take_node(&n, ac, sc, info);
        }
    }
    if (r < 0)
        dtb_fatal(error);
    if (info->ram_size == 0)
        dtb_fatal("no memory node");
}
