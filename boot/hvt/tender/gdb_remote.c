/*
 * gdb_remote.c: the transport of gdb's remote serial protocol (see
 * gdb_remote.h): the connection, packet framing, checksums and
 * acknowledgements, hex. Once the guest runs, the tender is sealed by
 * seccomp: only read, write and recvfrom on the connection are allowed
 * (seccomp.c), so everything else (socket, bind, accept) happens before.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gdb_remote.h"
#include "tender.h"

static const char hex_digits[] = "0123456789abcdef";

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void gdb_hex_encode(char *out, const void *in, size_t n)
{
    const uint8_t *b = in;

    for (size_t i = 0; i < n; i++) {
        *out++ = hex_digits[b[i] >> 4];
        *out++ = hex_digits[b[i] & 0xf];
    }
    *out = '\0';
}

bool gdb_hex_decode(void *out, const char *in, size_t n)
{
    uint8_t *b = out;

    for (size_t i = 0; i < n; i++) {
        int hi = hex_value(in[2 * i]), lo = hi < 0 ? -1 : hex_value(in[2 * i + 1]);
        if (lo < 0)
            return false;
        b[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool gdb_parse_hex(const char **p, uint64_t *value)
{
    const char *s = *p;
    uint64_t v = 0;
    int d, n = 0;

    while ((d = hex_value(*s)) >= 0) {
        if (++n > 16)
            return false;
        v = v << 4 | (uint64_t)d;
        s++;
    }
    if (n == 0)
        return false;
    *p = s;
    *value = v;
    return true;
}

int gdb_remote_listen(uint16_t port, uint16_t *bound)
{
    struct sockaddr_in addr = {.sin_family = AF_INET,
                               .sin_port = htons(port),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    int one = 1;

    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        tender_fail("gdb: cannot create a socket: %s", strerror(errno));
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0)
        tender_fail("gdb: cannot listen on 127.0.0.1:%u: %s (another program "
                    "has it? --gdb=0 picks a free port)", port, strerror(errno));
    if (listen(fd, 1) != 0 || getsockname(fd, (struct sockaddr *)&addr, &len) != 0)
        tender_fail("gdb: cannot listen on 127.0.0.1:%u: %s", port, strerror(errno));
    *bound = ntohs(addr.sin_port);
    return fd;
}

void gdb_remote_accept(struct gdb_remote *r, int listen_fd)
{
    int one = 1;

    do
        r->fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
    while (r->fd < 0 && errno == EINTR);
    if (r->fd < 0)
        tender_fail("gdb: accepting the debugger's connection: %s", strerror(errno));
    close(listen_fd);
    /* Packets are small and answered one by one: no Nagle delay. */
    (void)setsockopt(r->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    r->buf_start = r->buf_end = 0;
}

static void gone(struct gdb_remote *r)
{
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
}

/* The next byte from gdb, waiting for it; -1 when gdb has gone. */
static int next_byte(struct gdb_remote *r)
{
    if (r->fd < 0)
        return -1;
    if (r->buf_start == r->buf_end) {
        ssize_t n;
        do
            n = read(r->fd, r->buf, sizeof r->buf);
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            gone(r);
            return -1;
        }
        r->buf_start = 0;
        r->buf_end = (size_t)n;
    }
    return (unsigned char)r->buf[r->buf_start++];
}

static bool write_all(struct gdb_remote *r, const void *data, size_t len)
{
    if (r->fd < 0 || tender_write_all(r->fd, data, len) != 0) {
        gone(r);
        return false;
    }
    return true;
}

bool gdb_remote_recv(struct gdb_remote *r)
{
    for (;;) {
        int c;
        while ((c = next_byte(r)) != '$')
            if (c < 0)
                return false;
        uint8_t sum = 0;
        bool too_long = false;
        r->len = 0;
        while ((c = next_byte(r)) != '#') {
            if (c < 0)
                return false;
            if (c == '$') { /* a new start: what came before was noise */
                sum = 0;
                r->len = 0;
                too_long = false;
                continue;
            }
            sum = (uint8_t)(sum + c);
            if (r->len < GDB_PACKET_MAX)
                r->packet[r->len++] = (char)c;
            else
                too_long = true; /* refused below: never more than we said */
        }
        int hi = next_byte(r), lo = next_byte(r);
        if (hi < 0 || lo < 0)
            return false;
        r->packet[r->len] = '\0';
        if (!too_long && hex_value((char)hi) == (sum >> 4) &&
            hex_value((char)lo) == (sum & 0xf))
            return write_all(r, "+", 1);
        if (!write_all(r, "-", 1))
            return false;
    }
}

bool gdb_remote_send(struct gdb_remote *r, const char *data)
{
    static char frame[GDB_PACKET_MAX + 4];
    size_t len = strlen(data);
    uint8_t sum = 0;

    if (len > GDB_PACKET_MAX)
        tender_fail("gdb: internal error: a reply of %zu bytes", len);
    frame[0] = '$';
    for (size_t i = 0; i < len; i++) {
        frame[1 + i] = data[i];
        sum = (uint8_t)(sum + (uint8_t)data[i]);
    }
    frame[1 + len] = '#';
    frame[2 + len] = hex_digits[sum >> 4];
    frame[3 + len] = hex_digits[sum & 0xf];
    for (;;) {
        if (!write_all(r, frame, len + 4))
            return false;
        int c;
        do
            c = next_byte(r);
        while (c >= 0 && c != '+' && c != '-');
        if (c < 0)
            return false;
        if (c == '+')
            return true;
    }
}

bool gdb_remote_interrupted(struct gdb_remote *r)
{
    bool interrupt = false;

    if (r->fd < 0)
        return false;
    if (r->buf_start == r->buf_end) {
        ssize_t n = recv(r->fd, r->buf, sizeof r->buf, MSG_DONTWAIT);
        if (n == 0)
            gone(r);
        if (n <= 0)
            return false;
        r->buf_start = 0;
        r->buf_end = (size_t)n;
    }
    /* Interrupts are taken; anything else waits for gdb_remote_recv. */
    while (r->buf_start < r->buf_end && r->buf[r->buf_start] == 0x03) {
        r->buf_start++;
        interrupt = true;
    }
    return interrupt;
}
