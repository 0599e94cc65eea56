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
	/* lwIP keeps the MTU in 16 bits; a tap's is at most 65521. */
	nif->mtu = net_info.mtu > 0xffff - SOLO5_NET_HLEN ? 0xffff - SOLO5_NET_HLEN
							  : (u16_t)net_info.mtu;
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
		rx_next = NULL;
		counters.rx_frames++;
		/* Shrinks the pbuf to the frame (the heap block stays). */
		pbuf_realloc(p, (u16_t)len);
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
	frame_room = net_info.mtu + SOLO5_NET_HLEN;
	if (frame_room > 0xffff)
		frame_room = 0xffff;
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
