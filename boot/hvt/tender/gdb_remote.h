/*
 * gdb_remote.h: the transport of gdb's remote serial protocol, for
 * kiln-hvt's gdb stub (module_gdb.c, which gives the packets their
 * meaning). One TCP connection from gdb on 127.0.0.1; a packet is
 * "$<data>#<two hex digits of the sum of the data bytes>", and the other
 * side acknowledges each one with '+' ('-': send it again). A single 0x03
 * byte outside a packet is gdb's interrupt (Ctrl-C).
 */
#ifndef KILN_HVT_GDB_REMOTE_H
#define KILN_HVT_GDB_REMOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest packet either side sends: told to gdb in qSupported. */
#define GDB_PACKET_MAX 4096

struct gdb_remote {
    int fd;                        /* the connection; -1 when gdb has gone */
    char packet[GDB_PACKET_MAX + 1]; /* the last packet received, NUL-ended */
    size_t len;                    /* its length                           */
    char buf[GDB_PACKET_MAX];      /* bytes read and not yet used           */
    size_t buf_start, buf_end;
};

/*
 * Listen on 127.0.0.1:port (0: a free port) and return the socket; the
 * port actually bound in *bound. Exits with a message on failure.
 */
int gdb_remote_listen(uint16_t port, uint16_t *bound);

/* Wait for gdb to connect to listen_fd (then closed); exits on failure. */
void gdb_remote_accept(struct gdb_remote *r, int listen_fd);

/*
 * Receive the next packet into r->packet (acknowledged). Bytes outside a
 * packet are skipped (an interrupt while stopped means nothing). false when
 * gdb has gone.
 */
bool gdb_remote_recv(struct gdb_remote *r);

/* Send data as one packet and wait for its acknowledgement; false when gdb has gone. */
bool gdb_remote_send(struct gdb_remote *r, const char *data);

/*
 * Whether gdb has asked to interrupt the running guest: reads, without
 * waiting, what gdb has sent (a 0x03). false also when nothing came.
 */
bool gdb_remote_interrupted(struct gdb_remote *r);

/* Write n bytes of in as 2n lowercase hex digits (and a NUL) to out. */
void gdb_hex_encode(char *out, const void *in, size_t n);

/* Read 2n hex digits of in into n bytes of out; false if they are not hex. */
bool gdb_hex_decode(void *out, const char *in, size_t n);

/*
 * Parse a hex number at *p (at least one digit, at most 16) and move *p
 * past it; false if there is none.
 */
bool gdb_parse_hex(const char **p, uint64_t *value);

#endif /* KILN_HVT_GDB_REMOTE_H */
