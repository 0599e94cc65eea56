/*
 * httpd's connections on lwIP's callback API: reading request heads,
 * answering them in order (keep-alive and pipelining), and the limits
 * that keep one client from holding the server: a bounded number of
 * connections, a bounded request head, and a time limit on each wait.
 *
 * A connection reads at most one head buffer ahead: while a response is
 * going out, later requests stay in lwIP's receive queue, unacknowledged
 * to the window (tcp_recved), so a client pipelining without reading
 * finds its window closed. A request with a body (httpd serves none) is
 * answered and the connection closed, since its body would otherwise
 * have to be read and thrown away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/pbuf.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"

#include "kiln-lwip.h"

#include "conn.h"
#include "files.h"
#include "request.h"
#include "response.h"
#include "stats.h"

/* The poll callback's period, in TCP's coarse ticks of 500 ms. */
#define POLL_TICKS 2

struct conn {
	struct tcp_pcb *pcb;
	struct pbuf *in;         /* received, not yet read into head */
	char head[HTTPD_HEAD_MAX];
	size_t head_len;
	/* The response going out: out (head, or head and error page), then
	 * body (a file's bytes, in the image). */
	char out[1024];
	size_t out_len, out_sent;
	const unsigned char *body;
	size_t body_len, body_sent;
	int responding;
	int close_after;         /* close once the response is out */
	int peer_closed;         /* the client sent FIN */
	int draining;            /* our FIN sent; reading to the client's */
	u32_t deadline;          /* sys_now() by which the wait must end */
};

static struct httpd_limits limits;
static struct httpd_counters counters;
static u32_t last_refusal_report;

static u32_t deadline_from_now(void)
{
	return sys_now() + limits.timeout_ms;
}

static int past(u32_t deadline)
{
	return (s32_t)(sys_now() - deadline) >= 0;
}

static void conn_free(struct conn *c)
{
	if (c->in != NULL)
		pbuf_free(c->in);
	free(c);
	counters.open--;
}

/* Closes (FIN after what is queued); ERR_ABRT if it had to reset. */
static err_t conn_close(struct conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	kiln_lwip_tcp_detach(pcb);
	conn_free(c);
	if (tcp_close(pcb) != ERR_OK) {
		tcp_abort(pcb); /* no memory for the FIN */
		return ERR_ABRT;
	}
	return ERR_OK;
}

static err_t conn_abort(struct conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	kiln_lwip_tcp_detach(pcb);
	conn_free(c);
	tcp_abort(pcb);
	return ERR_ABRT;
}

/* Drops the first link of the chain when it is empty. */
static struct pbuf *drop_empty_head(struct pbuf *q)
{
	struct pbuf *next = q->next;

	q->next = NULL;
	q->tot_len = q->len;
	pbuf_free(q);
	return next;
}

/* Moves received bytes into the head buffer while it has room, opening
 * the window by as much. */
static void conn_pull(struct conn *c)
{
	while (c->in != NULL && c->head_len < sizeof c->head) {
		struct pbuf *q = c->in;
		if (q->len == 0) {
			c->in = drop_empty_head(q);
			continue;
		}
		size_t n = sizeof c->head - c->head_len;
		if (n > q->len)
			n = q->len;
		memcpy(c->head + c->head_len, q->payload, n);
		c->head_len += n;
		c->in = pbuf_free_header(q, (u16_t)n);
		tcp_recved(c->pcb, (u16_t)n);
	}
}

/* Reads nothing more: what was received is acknowledged and dropped. */
static void conn_discard_input(struct conn *c)
{
	c->head_len = 0;
	if (c->in != NULL) {
		tcp_recved(c->pcb, c->in->tot_len);
		pbuf_free(c->in);
		c->in = NULL;
	}
}

/*
 * After the last response of a connection that is not kept: a FIN, then
 * whatever the client still sends is read and dropped until it closes
 * too (or the time limit passes). Closing both ways at once would make
 * lwIP answer those late bytes with a reset, which can make the client
 * lose the response it has not read yet (a "lingering close").
 */
static err_t conn_finish(struct conn *c)
{
	conn_discard_input(c);
	if (c->peer_closed || tcp_shutdown(c->pcb, 0, 1) != ERR_OK)
		return conn_close(c);
	c->draining = 1;
	c->deadline = deadline_from_now();
	return ERR_OK;
}

/* Hands the response to lwIP as far as its send buffer has room. */
static err_t conn_send(struct conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	while (c->out_sent < c->out_len || c->body_sent < c->body_len) {
		u16_t room = tcp_sndbuf(pcb);
		if (room == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN)
			break;
		const void *data;
		size_t n;
		int from_out = c->out_sent < c->out_len;
		if (from_out) {
			data = c->out + c->out_sent;
			n = c->out_len - c->out_sent;
		} else {
			data = c->body + c->body_sent;
			n = c->body_len - c->body_sent;
		}
		if (n > room)
			n = room;
		int more = (from_out ? c->out_sent + n < c->out_len || c->body_len > 0
				     : c->body_sent + n < c->body_len);
		/* The head is in this connection's buffer, which is reused:
		 * copied. The body lives in the image as long as it runs. */
		u8_t flags = (from_out ? TCP_WRITE_FLAG_COPY : 0) | (more ? TCP_WRITE_FLAG_MORE : 0);
		err_t e = tcp_write(pcb, data, (u16_t)n, flags);
		if (e == ERR_MEM)
			break; /* again when segments are acknowledged */
		if (e != ERR_OK) {
			printf("httpd: tcp_write failed (lwIP error %d): dropping the connection\n",
			       (int)e);
			return conn_abort(c);
		}
		if (from_out)
			c->out_sent += n;
		else
			c->body_sent += n;
	}
	/* Nagle's rule holds a segment shorter than the MSS back while
	 * anything is unacknowledged, so that the response goes out in full
	 * segments while it is queued piece by piece; but the last, short
	 * segment of a response would then wait for the client's delayed ACK
	 * (up to 40 ms on Linux). So, like nginx's tcp_nopush and tcp_nodelay
	 * (a cork taken out at the end): the rule holds until the response
	 * is queued whole, then is lifted for its tail. */
	if (c->out_sent == c->out_len && c->body_sent == c->body_len) {
		c->responding = 0;
		tcp_nagle_disable(pcb);
	} else {
		tcp_nagle_enable(pcb);
	}
	return ERR_OK;
}

/* Starts the response to one request (status 0: parsed, else the error
 * to answer with). */
static void conn_respond(struct conn *c, const struct http_request *req, int status)
{
	enum http_connection how = HTTP_CLOSE;
	const struct httpd_file *f = NULL;
	int head_only = status == 0 && req->method == HTTP_HEAD;
	int stats = 0;

	if (status == 0 && req->keep_alive && !req->has_body && !c->peer_closed)
		how = req->minor_version >= 1 ? HTTP_KEEP : HTTP_KEEP_EXPLICIT;
	if (status == 0) {
		if (req->method == HTTP_OTHER) {
			status = 405;
#ifdef HTTPD_STATS_PATH
		} else if (strcmp(req->path, HTTPD_STATS_PATH) == 0) {
			stats = 1;
			status = 200;
#endif
		} else {
			f = httpd_file_find(req->path);
			status = f != NULL ? 200 : 404;
		}
	}
	c->close_after = how == HTTP_CLOSE;
	c->body = NULL;
	c->body_len = c->body_sent = 0;
	c->out_sent = 0;
	if (stats) {
		/* The page goes after the head, in out, as an error page does. */
		char page[512];
		size_t page_len = httpd_stats_text(page, sizeof page);
		c->out_len = http_format_head(c->out, sizeof c->out, 200,
					      "text/plain; charset=utf-8", page_len, how);
		if (!head_only && c->out_len + page_len <= sizeof c->out) {
			memcpy(c->out + c->out_len, page, page_len);
			c->out_len += page_len;
		}
	} else if (f != NULL) {
		c->out_len = http_format_head(c->out, sizeof c->out, 200,
					      httpd_content_type(f->path), f->size, how);
		if (!head_only) {
			c->body = f->data;
			c->body_len = f->size;
		}
	} else {
		char page[256];
		size_t page_len = http_error_page(page, sizeof page, status);
		c->out_len = http_format_head(c->out, sizeof c->out, status,
					      "text/html; charset=utf-8", page_len, how);
		if (!head_only && c->out_len + page_len <= sizeof c->out) {
			memcpy(c->out + c->out_len, page, page_len);
			c->out_len += page_len;
		}
	}
	c->responding = 1;
	c->deadline = deadline_from_now();
	counters.requests++;
	if (status != 200)
		counters.errors++;
}

/* Does as much as can be done now: send, then read and answer the next
 * request, until a response waits for room or a request for bytes. */
static err_t conn_run(struct conn *c)
{
	for (;;) {
		if (c->responding) {
			if (conn_send(c) == ERR_ABRT)
				return ERR_ABRT;
			if (c->responding)
				break;
			if (c->close_after)
				return conn_finish(c);
			c->deadline = deadline_from_now(); /* for the next request */
		}
		conn_pull(c);
		/* Empty lines before a request line are ignored (RFC 9112 2.2). */
		size_t skip = 0;
		while (skip < c->head_len && (c->head[skip] == '\r' || c->head[skip] == '\n'))
			skip++;
		if (skip > 0) {
			memmove(c->head, c->head + skip, c->head_len - skip);
			c->head_len -= skip;
			conn_pull(c);
		}
		size_t hl = http_head_length(c->head, c->head_len);
		if (hl == 0) {
			if (c->head_len == sizeof c->head) {
				/* Over the limit: a request line that never ended,
				 * or headers that do not. */
				int status = memchr(c->head, '\n', c->head_len) ? 431 : 414;
				conn_discard_input(c);
				conn_respond(c, NULL, status);
				continue;
			}
			if (c->peer_closed)
				return conn_close(c); /* no whole request will come */
			break;
		}
		struct http_request req;
		int status = http_parse_request(c->head, hl, &req);
		conn_respond(c, &req, status);
		memmove(c->head, c->head + hl, c->head_len - hl);
		c->head_len -= hl;
		if (c->close_after)
			conn_discard_input(c); /* nothing after it is read */
	}
	tcp_output(c->pcb);
	return ERR_OK;
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct conn *c = arg;

	if (p == NULL) {
		c->peer_closed = 1;
		if (c->draining)
			return conn_close(c);
		return conn_run(c);
	}
	if (err != ERR_OK) {
		pbuf_free(p);
		return err;
	}
	if (c->close_after || c->draining) {
		/* Closing: what comes now is not read. */
		tcp_recved(pcb, p->tot_len);
		pbuf_free(p);
		return ERR_OK;
	}
	if (c->in != NULL)
		pbuf_cat(c->in, p);
	else
		c->in = p;
	return conn_run(c);
}

static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	struct conn *c = arg;

	(void)pcb;
	(void)len;
	if (c->draining)
		return ERR_OK;
	if (c->responding)
		c->deadline = deadline_from_now(); /* the client is reading */
	return conn_run(c);
}

/* Every second: the time limits, and a retry of what ERR_MEM held up. */
static err_t on_poll(void *arg, struct tcp_pcb *pcb)
{
	struct conn *c = arg;

	(void)pcb;
	if (c->draining)
		return past(c->deadline) ? conn_close(c) : ERR_OK;
	if (!past(c->deadline))
		return conn_run(c);
	if (c->responding) {
		counters.timeouts++;
		return conn_abort(c); /* the client stopped reading */
	}
	if (c->head_len > 0 || c->in != NULL) {
		/* A request head that did not come whole in time. */
		counters.timeouts++;
		conn_discard_input(c);
		conn_respond(c, NULL, 408);
		return conn_run(c);
	}
	return conn_close(c); /* idle keep-alive connection */
}

static void on_err(void *arg, err_t err)
{
	struct conn *c = arg;

	(void)err;
	if (c != NULL)
		conn_free(c); /* the pcb is freed already */
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct conn *c;

	(void)arg;
	if (err != ERR_OK || pcb == NULL)
		return ERR_VAL;
	if (counters.open >= limits.max_connections) {
		counters.refused++;
		/* Reported at most once a second: a flood must not become a
		 * flood of console lines too. */
		if ((u32_t)(sys_now() - last_refusal_report) >= 1000) {
			last_refusal_report = sys_now();
			printf("httpd: refusing connections: %lu open, the limit "
			       "(%lu refused so far)\n",
			       counters.open, counters.refused);
		}
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	c = calloc(1, sizeof *c);
	if (c == NULL) {
		counters.refused++;
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	c->pcb = pcb;
	c->deadline = deadline_from_now();
	counters.open++;
	counters.accepted++;
	tcp_arg(pcb, c);
	tcp_recv(pcb, on_recv);
	tcp_sent(pcb, on_sent);
	tcp_err(pcb, on_err);
	tcp_poll(pcb, on_poll, POLL_TICKS);
	return ERR_OK;
}

int httpd_listen(u16_t port, const struct httpd_limits *l)
{
	struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_ANY);
	err_t e;

	limits = *l;
	if (pcb == NULL) {
		printf("httpd: tcp_new: out of TCP control blocks (MEMP_NUM_TCP_PCB)\n");
		return -1;
	}
	e = tcp_bind(pcb, IP_ANY_TYPE, port);
	if (e != ERR_OK) {
		printf("httpd: cannot bind TCP port %u (lwIP error %d)\n", (unsigned)port, (int)e);
		return -1;
	}
	struct tcp_pcb *listener = tcp_listen_with_backlog(pcb, TCP_DEFAULT_LISTEN_BACKLOG);
	if (listener == NULL) {
		printf("httpd: cannot listen on TCP port %u (out of listen control blocks)\n",
		       (unsigned)port);
		return -1;
	}
	tcp_accept(listener, on_accept);
	return 0;
}

void httpd_get_counters(struct httpd_counters *out)
{
	*out = counters;
}
