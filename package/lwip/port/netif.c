/*
 * lwIP's network interface over the image's solo5 net device: one
 * Ethernet interface whose frames go out with solo5_net_write and come in
 * with solo5_net_read (polled by kiln_lwip_poll, loop.c). lwIP adds and
 * strips the Ethernet header itself (netif/ethernet.c, ARP in etharp.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solo5.h>

#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "netif/ethernet.h"

#include "kiln-lwip.h"
#include "kiln-lwip-internal.h"

/* What lwIP's own checks (init.c, turned off in lwipopts.h because they
 * assume an MSS below 16 KiB) would have said, for the options as set. */
_Static_assert(TCP_SND_BUF >= 2 * TCP_MSS, "the send buffer must hold two segments");
_Static_assert(TCP_SND_QUEUELEN >= 2 * (TCP_SND_BUF / TCP_MSS),
	       "the send queue must hold the send buffer's segments");
_Static_assert(MEMP_NUM_TCP_SEG >= TCP_SND_QUEUELEN,
	       "the segment pool must hold one connection's send queue");
_Static_assert(TCP_SND_QUEUELEN <= 0xffff, "lwIP counts queued segments in 16 bits");
/* A frame of the largest MTU within a pbuf's 16-bit length. */
_Static_assert(KILN_LWIP_MTU_MAX + SOLO5_NET_HLEN <= 0xffff, "a frame must fit a pbuf");

/* A received frame that fills less than this share of its buffer is
 * copied into a pbuf of its own size, and the buffer kept for the next
 * one: on a large-MTU link every buffer is 64 KiB, and the small frames
 * (ACKs, requests) that lwIP queues would otherwise each hold one. */
#define RX_COPY_BELOW(room) ((room) / 2)

static struct netif kiln_netif;
static solo5_handle_t net_handle;
static struct solo5_net_info net_info;
/* The largest frame the device passes: its MTU plus the Ethernet header. */
static size_t frame_room;
/* A frame made of several pbufs is gathered here to go out in one write;
 * a frame that cannot be given a pbuf is read here and dropped. */
static uint8_t *bounce;
/* The receive buffer for the next frame, allocated ahead: polling an idle
 * device costs no allocation. */
static struct pbuf *rx_next;
static struct kiln_lwip_counters counters;

static err_t linkoutput(struct netif *nif, struct pbuf *p)
{
	const uint8_t *frame = p->payload;

	(void)nif;
	if (p->tot_len > frame_room) {
		counters.tx_dropped++;
		return ERR_BUF;
	}
	if (p->next != NULL) {
		pbuf_copy_partial(p, bounce, p->tot_len, 0);
		frame = bounce;
	}
	if (solo5_net_write(net_handle, frame, p->tot_len) != SOLO5_R_OK) {
		counters.tx_dropped++;
		return ERR_IF;
	}
	counters.tx_frames++;
	return ERR_OK;
}

static err_t kiln_netif_init(struct netif *nif)
{
	nif->name[0] = 'e';
	nif->name[1] = 'n';
	nif->output = etharp_output;
	nif->linkoutput = linkoutput;
	/* lwIP keeps lengths in 16 bits (lwipopts.h): a larger tap MTU is
	 * used up to KILN_LWIP_MTU_MAX, which TCP's MSS option tells peers. */
	nif->mtu = net_info.mtu > KILN_LWIP_MTU_MAX ? KILN_LWIP_MTU_MAX : (u16_t)net_info.mtu;
	nif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(nif->hwaddr, net_info.mac_address, ETH_HWADDR_LEN);
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET |
		     NETIF_FLAG_LINK_UP;
	return ERR_OK;
}

int kiln_lwip_netif_input(int budget)
{
	int taken = 0;

	while (taken < budget) {
		if (rx_next == NULL)
			rx_next = pbuf_alloc(PBUF_RAW, (u16_t)frame_room, PBUF_RAM);
		struct pbuf *p = rx_next;
		uint8_t *buf = p != NULL ? p->payload : bounce;
		size_t len = 0;
		solo5_result_t r = solo5_net_read(net_handle, buf, frame_room, &len);

		if (r == SOLO5_R_AGAIN)
			break;
		taken++;
		if (r != SOLO5_R_OK || p == NULL) {
			/* A device error, or no memory for the frame: it is
			 * lost, as on a wire (TCP sends it again). */
			counters.rx_dropped++;
			if (r != SOLO5_R_OK)
				break;
			continue;
		}
		counters.rx_frames++;
		struct pbuf *own = len < RX_COPY_BELOW(frame_room)
					   ? pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_RAM)
					   : NULL;
		if (own != NULL) {
			memcpy(own->payload, p->payload, len);
			p = own;
		} else {
			rx_next = NULL;
			/* Shrinks the pbuf to the frame (the heap block stays). */
			pbuf_realloc(p, (u16_t)len);
		}
		if (kiln_netif.input(p, &kiln_netif) != ERR_OK)
			pbuf_free(p);
	}
	return taken;
}

struct netif *kiln_lwip_up(const struct kiln_lwip_config *cfg)
{
	static int lwip_started;

	if (kiln_netif.state != NULL) {
		printf("kiln-lwip: the interface is up already (one device per image)\n");
		return NULL;
	}
	if (solo5_net_acquire(cfg->device, &net_handle, &net_info) != SOLO5_R_OK) {
		printf("kiln-lwip: cannot acquire the net device \"%s\": the image must "
		       "declare it (<APP>_DEVICES = net:%s) and the tender attach it "
		       "(--net:%s=<tap>)\n",
		       cfg->device, cfg->device, cfg->device);
		return NULL;
	}
	/* A frame longer than this (from a device whose MTU is over
	 * KILN_LWIP_MTU_MAX, which no tap's is) fails to read: dropped. */
	frame_room = (net_info.mtu > KILN_LWIP_MTU_MAX ? KILN_LWIP_MTU_MAX : net_info.mtu) +
		     SOLO5_NET_HLEN;
	bounce = malloc(frame_room);
	if (bounce == NULL) {
		printf("kiln-lwip: no memory for a %zu-byte frame buffer\n", frame_room);
		return NULL;
	}
	if (!lwip_started) {
		lwip_init();
		lwip_started = 1;
	}
	const uint8_t *m = net_info.mac_address;
	printf("kiln-lwip: %s: mac %02x:%02x:%02x:%02x:%02x:%02x mtu %zu\n", cfg->device,
	       m[0], m[1], m[2], m[3], m[4], m[5], net_info.mtu);

	const ip4_addr_t *any = IP4_ADDR_ANY4;
	/* state: marks the interface as added (its driver keeps no state). */
	if (netif_add(&kiln_netif, cfg->dhcp ? any : &cfg->address,
		      cfg->dhcp ? any : &cfg->netmask, cfg->dhcp ? any : &cfg->gateway,
		      (void *)cfg->device, kiln_netif_init, ethernet_input) == NULL) {
		printf("kiln-lwip: lwIP refused the interface\n");
		return NULL;
	}
	netif_set_default(&kiln_netif);
	netif_set_up(&kiln_netif);
	if (cfg->dhcp) {
		err_t e = dhcp_start(&kiln_netif);
		if (e != ERR_OK) {
			printf("kiln-lwip: cannot start DHCP (lwIP error %d)\n", (int)e);
			return NULL;
		}
	}
	return &kiln_netif;
}

void kiln_lwip_counters(struct kiln_lwip_counters *out)
{
	*out = counters;
}
