/*
 * The TCP half of echo: each connection's bytes go back in order. Bytes
 * received wait in `pending` until TCP's send buffer has room, and the
 * receive window reopens only by what went into it (tcp_recved), so a
 * client that does not read its echo soon finds its window closed: the
 * memory a connection takes stays under a receive window plus a send
 * buffer (lwipopts.h). A client that half-closes gets the rest of its
 * echo, then the close.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/ip_addr.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"

#include "kiln-lwip.h"
#include "echo.h"

/* How often an idle connection's poll callback runs: in TCP's coarse
 * ticks of 500 ms. */
#define POLL_TICKS 4

struct conn {
	struct tcp_pcb *pcb;
	struct pbuf *pending; /* received, not yet in the send buffer */
	uint64_t echoed;
	int peer_closed; /* the client sent FIN */
	char peer[IPADDR_STRLEN_MAX + 8];
};

static void conn_free(struct conn *c)
{
	if (c->pending != NULL)
		pbuf_free(c->pending);
	free(c);
}

/* Closes the connection once everything is echoed. Returns ERR_ABRT when
 * the pcb is gone (the caller, a callback, must return it). */
static err_t conn_close(struct conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	kiln_lwip_tcp_detach(pcb);
	printf("echo: tcp %s: %llu bytes echoed, closed\n", c->peer,
	       (unsigned long long)c->echoed);
	conn_free(c);
	if (tcp_close(pcb) != ERR_OK) {
		/* Out of memory for the FIN: reset instead. */
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	return ERR_OK;
}

/* Moves pending bytes into the send buffer as far as it has room, and
 * sends. Returns ERR_ABRT when the connection had to be aborted. */
static err_t conn_flush(struct conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	while (c->pending != NULL) {
		struct pbuf *q = c->pending;

		if (q->len == 0) { /* an empty link of the chain: drop it */
			c->pending = q->next;
			q->next = NULL;
			q->tot_len = 0;
			pbuf_free(q);
			continue;
		}
		u16_t room = tcp_sndbuf(pcb);
		if (room == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN)
			break;
		u16_t n = q->len < room ? q->len : room;
		err_t e = tcp_write(pcb, q->payload, n, TCP_WRITE_FLAG_COPY);
		if (e == ERR_MEM)
			break; /* no segments to spare: again when some are acked */
		if (e != ERR_OK) {
			printf("echo: tcp %s: tcp_write failed (lwIP error %d): aborting\n",
			       c->peer, (int)e);
			kiln_lwip_tcp_detach(pcb);
			conn_free(c);
			tcp_abort(pcb);
			return ERR_ABRT;
		}
		c->echoed += n;
		c->pending = pbuf_free_header(q, n);
		tcp_recved(pcb, n);
	}
	tcp_output(pcb);
	if (c->peer_closed && c->pending == NULL)
		return conn_close(c);
	return ERR_OK;
}

static err_t echo_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct conn *c = arg;

	(void)pcb;
	if (p == NULL) {
		c->peer_closed = 1;
		return conn_flush(c);
	}
	if (err != ERR_OK) {
		pbuf_free(p);
		return err;
	}
	if (c->pending != NULL)
		pbuf_cat(c->pending, p);
	else
		c->pending = p;
	return conn_flush(c);
}

static err_t echo_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)pcb;
	(void)len;
	return conn_flush(arg);
}

static err_t echo_poll(void *arg, struct tcp_pcb *pcb)
{
	(void)pcb;
	return conn_flush(arg);
}

/* The connection is gone (reset by the client, or lwIP gave up on it);
 * its pcb is freed already. */
static void echo_err(void *arg, err_t err)
{
	struct conn *c = arg;

	if (c == NULL)
		return;
	printf("echo: tcp %s: %llu bytes echoed, connection lost (lwIP error %d)\n",
	       c->peer, (unsigned long long)c->echoed, (int)err);
	conn_free(c);
}

static err_t echo_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct conn *c;

	(void)arg;
	if (err != ERR_OK || pcb == NULL)
		return ERR_VAL;
	c = calloc(1, sizeof *c);
	if (c == NULL) {
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	c->pcb = pcb;
	ipaddr_ntoa_r(&pcb->remote_ip, c->peer, sizeof c->peer - 7);
	snprintf(c->peer + strlen(c->peer), 7, ":%u", (unsigned)pcb->remote_port);
	tcp_nagle_disable(pcb);
	tcp_arg(pcb, c);
	tcp_recv(pcb, echo_recv);
	tcp_sent(pcb, echo_sent);
	tcp_err(pcb, echo_err);
	tcp_poll(pcb, echo_poll, POLL_TICKS);
	return ERR_OK;
}

int tcp_echo_start(void)
{
	struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_ANY);
	err_t e;

	if (pcb == NULL) {
		printf("echo: tcp_new: out of TCP control blocks (MEMP_NUM_TCP_PCB)\n");
		return -1;
	}
	e = tcp_bind(pcb, IP_ANY_TYPE, ECHO_PORT);
	if (e != ERR_OK) {
		printf("echo: cannot bind TCP port %d (lwIP error %d)\n", ECHO_PORT, (int)e);
		return -1;
	}
	struct tcp_pcb *listener = tcp_listen(pcb);
	if (listener == NULL) {
		printf("echo: cannot listen on TCP port %d (out of listen control blocks)\n",
		       ECHO_PORT);
		return -1;
	}
	tcp_accept(listener, echo_accept);
	return 0;
}
