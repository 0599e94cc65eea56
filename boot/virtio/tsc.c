/*
 * Kiln boot shim, virtio: the TSC's frequency, best source first.
 *
 *   1. CPUID 0x40000010 (the hypervisor timing leaf of VMware, which QEMU
 *      under KVM also fills in when it knows the guest's TSC rate): kHz.
 *   2. KVM's clock (kvmclock): the multiplier and shift KVM itself uses to
 *      turn the guest's TSC into nanoseconds, read once from the structure
 *      KVM fills in when an MSR names its address, which is then disabled.
 *   3. CPUID 0x15: crystal clock times the TSC/crystal ratio, when the CPU
 *      reports all three (real Intel CPUs from Skylake; KVM with -cpu host).
 *   4. Measured against the PIT (8254, 1.193182 MHz) for 10 ms: channel 0
 *      counts down in mode 2 and is read with the latch command. Channel 2
 *      would need the gate at port 0x61, which microvm does not have. Under
 *      QEMU's TCG the TSC runs at the host's rate and the PIT by the host's
 *      clock, so this is what gives the right rate there.
 * CPUID 0x16 (the nominal base frequency, in whole MHz) is not used: it is
 * not the TSC rate on every CPU.
 */
#include "virtio.h"
#include "cpu.h"
#include "cpu_sys.h"

#define NSEC_PER_SEC 1000000000ULL

#define CPUID_HV_BASE 0x40000000U
#define CPUID_HV_TIMING 0x40000010U
#define CPUID_KVM_FEATURES 0x40000001U
#define KVM_FEATURE_CLOCKSOURCE (1U << 0)  /* MSR_KVM_SYSTEM_TIME      */
#define KVM_FEATURE_CLOCKSOURCE2 (1U << 3) /* MSR_KVM_SYSTEM_TIME_NEW  */
#define MSR_KVM_SYSTEM_TIME 0x12U
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01U

#define PIT_HZ 1193182ULL
#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_CH0_MODE2_LOHI 0x34 /* channel 0, lo/hi byte, rate generator */
#define PIT_CH0_LATCH 0x00
#define PIT_MEASURE_TICKS (PIT_HZ / 100) /* 10 ms */
#define PIT_STUCK_READS 100000 /* a PIT counts down within a few reads */

/* KVM's struct pvclock_vcpu_time_info (Documentation/virt/kvm/x86/msr.rst). */
struct pvclock_time_info {
    uint32_t version;          /* odd while KVM updates the rest       */
    uint32_t pad0;
    uint64_t tsc_timestamp;
    uint64_t system_time;
    uint32_t tsc_to_system_mul; /* ns = (tsc << shift) * mul >> 32     */
    int8_t tsc_shift;           /* negative: shift right               */
    uint8_t flags;
    uint8_t pad[2];
} __attribute__((aligned(32)));

static uint64_t from_hv_timing_leaf(uint32_t hv_max)
{
    uint32_t a, b, c, d;

    if (hv_max < CPUID_HV_TIMING)
        return 0;
    cpu_cpuid(CPUID_HV_TIMING, &a, &b, &c, &d);
    return (uint64_t)a * 1000;
}

static uint64_t from_kvmclock(void)
{
    static struct pvclock_time_info ti;
    uint32_t a, b, c, d, version;
    uint32_t msr;

    cpu_cpuid(CPUID_KVM_FEATURES, &a, &b, &c, &d);
    if (a & KVM_FEATURE_CLOCKSOURCE2)
        msr = MSR_KVM_SYSTEM_TIME_NEW;
    else if (a & KVM_FEATURE_CLOCKSOURCE)
        msr = MSR_KVM_SYSTEM_TIME;
    else
        return 0;

    /* Bit 0 enables; identity mapped, so the address is physical. */
    cpu_wrmsr(msr, (uintptr_t)&ti | 1);
    uint32_t mul;
    int8_t shift;
    do {
        version = __atomic_load_n(&ti.version, __ATOMIC_ACQUIRE);
        mul = ti.tsc_to_system_mul;
        shift = ti.tsc_shift;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    } while ((version & 1) ||
             version != __atomic_load_n(&ti.version, __ATOMIC_ACQUIRE));
    cpu_wrmsr(msr, 0); /* KVM stops writing to ti */
    if (mul == 0)
        return 0;
    /* tsc_hz = 10^9 * 2^32 / mul, scaled back by the shift. */
    uint64_t hz = (NSEC_PER_SEC << 32) / mul;
    return shift >= 0 ? hz >> shift : hz << -shift;
}

static uint64_t from_cpuid_15(void)
{
    uint32_t max, a, b, c, d;

    cpu_cpuid(0, &max, &b, &c, &d);
    if (max < 0x15)
        return 0;
    cpu_cpuid(0x15, &a, &b, &c, &d);
    if (a == 0 || b == 0 || c == 0)
        return 0;
    return (uint64_t)c * b / a;
}

static uint16_t pit_read(void)
{
    cpu_outb(PIT_COMMAND, PIT_CH0_LATCH);
    uint8_t lo = cpu_inb(PIT_CHANNEL0);
    uint8_t hi = cpu_inb(PIT_CHANNEL0);
    return (uint16_t)(hi << 8 | lo);
}

/*
 * One PIT read between two TSC reads: the count, and in *tsc the TSC at
 * the read's middle; returns how many TSC ticks the read took, large when
 * the vCPU was preempted during it (then the two clocks do not match).
 */
static uint64_t pit_read_timed(uint16_t *count, uint64_t *tsc)
{
    uint64_t before = cpu_rdtsc();
    *count = pit_read();
    uint64_t after = cpu_rdtsc();
    *tsc = before + (after - before) / 2;
    return after - before;
}

static uint64_t from_pit(void)
{
    /* Count down from 65536, reloading: no interrupt is ever enabled. */
    cpu_outb(PIT_COMMAND, PIT_CH0_MODE2_LOHI);
    cpu_outb(PIT_CHANNEL0, 0);
    cpu_outb(PIT_CHANNEL0, 0);

    /* A PIT that never counts is absent (microvm,pit=off). */
    uint16_t first = pit_read(), now, prev;
    int reads = 0;
    while ((now = pit_read()) == first)
        if (++reads == PIT_STUCK_READS)
            return 0;

    /*
     * The start and end reads must be quick ones (at most twice the
     * quickest of a few): a host that preempts the vCPU in the middle of
     * one would skew the result by the whole preemption.
     */
    uint64_t quickest = ~0ULL, t0, t1;
    for (int i = 0; i < 16; i++) {
        uint64_t w = pit_read_timed(&now, &t0);
        quickest = w < quickest ? w : quickest;
    }
    while (pit_read_timed(&prev, &t0) > 2 * quickest)
        ;
    uint64_t ticks = 0;
    for (;;) {
        uint64_t w = pit_read_timed(&now, &t1);
        ticks += (uint16_t)(prev - now); /* counts down, wraps at 65536 */
        prev = now;
        if (ticks >= PIT_MEASURE_TICKS && w <= 2 * quickest)
            break;
    }
    return (t1 - t0) * PIT_HZ / ticks;
}

uint64_t virtio_tsc_hz(const char **source)
{
    uint32_t a, b, c, d;
    uint64_t hz;

    cpu_cpuid(1, &a, &b, &c, &d);
    if (c & CPUID_1_ECX_HYPERVISOR) {
        uint32_t hv_max, sig[3];
        cpu_cpuid(CPUID_HV_BASE, &hv_max, &sig[0], &sig[1], &sig[2]);
        if ((hz = from_hv_timing_leaf(hv_max)) != 0) {
            *source = "CPUID 0x40000010";
            return hz;
        }
        /* "KVMKVMKVM\0\0\0" */
        if (sig[0] == 0x4b4d564b && sig[1] == 0x564b4d56 && sig[2] == 0x4d &&
            (hz = from_kvmclock()) != 0) {
            *source = "kvmclock";
            return hz;
        }
    }
    if ((hz = from_cpuid_15()) != 0) {
        *source = "CPUID 0x15";
        return hz;
    }
    if ((hz = from_pit()) != 0) {
        *source = "PIT";
        return hz;
    }
    kiln_fatal("virtio: cannot tell the TSC's frequency: no hypervisor"
               " leaf, no CPUID 0x15 and no PIT to measure it against"
               " (QEMU microvm: leave pit=on, or use KVM)");
}
