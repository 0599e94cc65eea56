/*
 * Kiln boot shim: console messages of the shim itself, built without printf.
 */
#include "boot.h"

/* Quiet by default: boot-to-exit time is measured and every print costs. */
int kiln_log_level = KILN_LOG_WARN;

static size_t kiln_strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

void kiln_puts(const char *s)
{
    platform_puts(s, kiln_strlen(s));
}

static void line_char(struct kiln_line *l, char c)
{
    if (l->len < sizeof l->buf)
        l->buf[l->len++] = c;
}

void kiln_line_str(struct kiln_line *l, const char *s)
{
    while (*s)
        line_char(l, *s++);
}

static void line_hex_digits(struct kiln_line *l, uint64_t v, int min_digits)
{
    static const char digits[] = "0123456789abcdef";
    int n = 16;

    while (n > min_digits && (v >> ((n - 1) * 4)) == 0)
        n--;
    line_char(l, '0');
    line_char(l, 'x');
    while (n-- > 0)
        line_char(l, digits[(v >> (n * 4)) & 0xf]);
}

void kiln_line_hex(struct kiln_line *l, uint64_t v)
{
    line_hex_digits(l, v, 1);
}

void kiln_line_hex16(struct kiln_line *l, uint64_t v)
{
    line_hex_digits(l, v, 16);
}

void kiln_line_dec(struct kiln_line *l, uint64_t v)
{
    char tmp[20];
    int n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        line_char(l, tmp[--n]);
}

void kiln_line_flush(struct kiln_line *l)
{
    platform_puts(l->buf, l->len);
    l->len = 0;
}

void kiln_fatal(const char *msg)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: ");
    kiln_line_str(&l, msg);
    kiln_line_str(&l, "\n");
    kiln_line_flush(&l);
    platform_halt(KILN_EXIT_ABORT, NULL);
}

void kiln_print_stack_overflow(uint64_t fault_addr)
{
    struct kiln_line l = {.len = 0};

    kiln_line_str(&l, "kiln: stack overflow: the stack ran into its guard "
                      "page at ");
    kiln_line_hex(&l, KILN_ALIGN_DOWN(fault_addr, KILN_PAGE_SIZE));
    kiln_line_str(&l, " (guard ");
    kiln_line_hex(&l, kiln_stack.guard_start);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, kiln_stack.stack_bottom);
    kiln_line_str(&l, ", stack ");
    kiln_line_hex(&l, kiln_stack.stack_bottom);
    kiln_line_str(&l, "-");
    kiln_line_hex(&l, kiln_stack.stack_top);
    kiln_line_str(&l, ")\n");
    kiln_line_flush(&l);
}
