/*
 * Kiln boot shim test: a bare Solo5-API application (no runtime calls) that
 * checks one behaviour of the shim per run; the first word of its command
 * line picks which. Used by boot-shim.bats; its manifest declares one block
 * device, "storage". Prints "shim-test: OK" when a check passes.
 */
#include <solo5.h>

static size_t str_len(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void say(const char *s)
{
    solo5_console_write(s, str_len(s));
}

static void say_u64(uint64_t v)
{
    char b[21];
    int n = 20;
    b[n] = 0;
    do {
        b[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    say(b + n);
}

/* Does cmdline start with the word w (followed by a blank or the end)? */
static int is_test(const char *cmdline, const char *w)
{
    size_t n = str_len(w);
    for (size_t i = 0; i < n; i++)
        if (cmdline[i] != w[i])
            return 0;
    return cmdline[n] == 0 || cmdline[n] == ' ';
}

static int failures;
#define CHECK(cond)                                                           \
    do {                                                                       \
        if (!(cond)) {                                                         \
            say("shim-test: FAILED: " #cond "\n");                             \
            failures++;                                                        \
        }                                                                      \
    } while (0)

static int result(void)
{
    say(failures == 0 ? "shim-test: OK\n" : "shim-test: FAILED\n");
    return failures == 0 ? 0 : 1;
}

_Thread_local int tls_initialised = 0x5eed;
_Thread_local char tls_zeroed[100];
_Thread_local long tls_aligned __attribute__((aligned(64))) = 77;

static int test_tls(void)
{
    uintptr_t tp, canary_slot;
    __asm__("mov %%fs:0, %0" : "=r"(tp));
    __asm__("mov %%fs:0x28, %0" : "=r"(canary_slot));
    CHECK(tls_initialised == 0x5eed);
    CHECK(tls_aligned == 77);
    CHECK((uintptr_t)&tls_aligned % 64 == 0);
    for (int i = 0; i < 100; i++)
        CHECK(tls_zeroed[i] == 0);
    tls_initialised++;
    tls_zeroed[99] = 5;
    CHECK(tls_initialised == 0x5eee && tls_zeroed[99] == 5);
    /* Variant II: the variables lie below the thread pointer. */
    CHECK((uintptr_t)&tls_initialised < tp && (uintptr_t)&tls_zeroed[99] < tp);
    CHECK(canary_slot != 0); /* the canary copy for -mstack-protector-guard=tls */

    /* A second block through the API: fresh values, then switch back. */
    static uint64_t block[64] __attribute__((aligned(64)));
    CHECK(solo5_tls_size() <= sizeof block);
    CHECK(solo5_tls_init((uintptr_t)block) == SOLO5_R_OK);
    CHECK(solo5_tls_init(0) == SOLO5_R_EINVAL);
    CHECK(solo5_set_tls_base(solo5_tls_tp_offset((uintptr_t)block)) ==
          SOLO5_R_OK);
    CHECK(tls_initialised == 0x5eed && tls_zeroed[99] == 0);
    CHECK(solo5_set_tls_base(tp) == SOLO5_R_OK);
    CHECK(tls_initialised == 0x5eee);
    return result();
}

static int test_clocks(void)
{
    solo5_time_t m0 = solo5_clock_monotonic(), w0 = solo5_clock_wall();
    solo5_handle_set_t ready = 123;
    solo5_yield(m0 + 20 * 1000 * 1000, &ready); /* 20 ms */
    solo5_time_t m1 = solo5_clock_monotonic(), w1 = solo5_clock_wall();
    say("shim-test: waited ");
    say_u64((m1 - m0) / 1000);
    say(" us; wall clock ");
    say_u64(w1 / 1000000000ULL);
    say("\n");
    CHECK(m1 - m0 >= 20 * 1000 * 1000);
    CHECK(m1 - m0 < 5ULL * 1000 * 1000 * 1000);
    CHECK(w1 > w0);
    CHECK(ready == 0);
    /* A deadline in the past returns at once. */
    solo5_yield(0, NULL);
    CHECK(solo5_clock_monotonic() >= m1);
    return result();
}

static int test_heap(const struct solo5_start_info *si)
{
    extern char __kiln_image_end[];
    volatile uint8_t *p = (volatile uint8_t *)si->heap_start;
    say("shim-test: heap ");
    say_u64(si->heap_start);
    say(" + ");
    say_u64(si->heap_size);
    say("\n");
    CHECK(si->heap_start % 4096 == 0 && si->heap_size % 4096 == 0);
    CHECK(si->heap_start > (uintptr_t)__kiln_image_end);
    CHECK(si->heap_size > 0);
    /* The heap lies below this frame (the stack), by the stack reserve. */
    CHECK(si->heap_start + si->heap_size < (uintptr_t)&p);
    p[0] = 1;
    p[si->heap_size - 1] = 2;
    CHECK(p[0] + p[si->heap_size - 1] == 3);
    return result();
}

static int test_block(void)
{
    static uint8_t buf[512], back[512];
    solo5_handle_t h, h2;
    struct solo5_block_info bi;
    struct solo5_net_info ni;

    CHECK(solo5_block_acquire("storage", &h, &bi) == SOLO5_R_OK);
    CHECK(h == 1 && bi.block_size == 512 && bi.capacity == 65536);
    CHECK(solo5_block_acquire("nosuch", &h2, &bi) == SOLO5_R_EINVAL);
    CHECK(solo5_net_acquire("storage", &h2, &ni) == SOLO5_R_EINVAL);
    for (int i = 0; i < 512; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    uint64_t last = bi.capacity - bi.block_size;
    CHECK(solo5_block_write(h, last, buf, 512) == SOLO5_R_OK);
    CHECK(solo5_block_read(h, last, back, 512) == SOLO5_R_OK);
    for (int i = 0; i < 512; i++)
        CHECK(back[i] == buf[i]);
    CHECK(solo5_block_read(h, bi.capacity, back, 512) == SOLO5_R_EINVAL);
    CHECK(solo5_block_read(h, 3, back, 512) == SOLO5_R_EINVAL);
    CHECK(solo5_block_read(h, 0, back, 1024) == SOLO5_R_EINVAL);
    CHECK(solo5_block_write(h, 0, buf, 256) == SOLO5_R_EINVAL);
    CHECK(solo5_block_read(0, 0, back, 512) == SOLO5_R_EINVAL);
    CHECK(solo5_block_read(2, 0, back, 512) == SOLO5_R_EINVAL);
    return result();
}

__attribute__((noinline)) static void overflow(volatile size_t n)
{
    char buf[8];
    for (size_t i = 0; i < n; i++)
        ((volatile char *)buf)[i] = 'A';
}

int solo5_app_main(const struct solo5_start_info *si)
{
    const char *c = si->cmdline;

    if (is_test(c, "args")) {
        say("shim-test: args=[");
        say(c);
        say("]\n");
        return 0;
    }
    if (is_test(c, "exit"))
        return 42;
    if (is_test(c, "solo5-exit"))
        solo5_exit(7);
    if (is_test(c, "abort"))
        solo5_abort();
    if (is_test(c, "write-null"))
        *(volatile int *)0 = 1;
    if (is_test(c, "read-far"))
        (void)*(volatile int *)0x7f0000000000UL;
    if (is_test(c, "ud2"))
        __asm__ __volatile__("ud2");
    if (is_test(c, "divide")) {
        volatile int zero = 0;
        say_u64((uint64_t)(10 / zero));
    }
    if (is_test(c, "ssp"))
        overflow(64);
    if (is_test(c, "tls"))
        return test_tls();
    if (is_test(c, "clocks"))
        return test_clocks();
    if (is_test(c, "heap"))
        return test_heap(si);
    if (is_test(c, "block"))
        return test_block();
    say("shim-test: survived or unknown test: ");
    say(c);
    say("\n");
    return 3;
}
