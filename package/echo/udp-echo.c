/* The UDP half of echo: every datagram goes back to where it came from. */
#include <stdio.h>

#include "lwip/pbuf.h"
#include "lwip/udp.h"

#include "echo.h"

static void udp_echo_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
			  const ip_addr_t *addr, u16_t port)
{
	(void)arg;
	/* The same buffer goes back: lwIP puts the headers in front again,
	 * in the room the received ones took. A datagram that cannot be
	 * sent (no memory, no ARP entry yet) is lost, as UDP allows. */
	udp_sendto(pcb, p, addr, port);
	pbuf_free(p);
}

int udp_echo_start(void)
{
	struct udp_pcb *pcb = udp_new();
	err_t e;

	if (pcb == NULL) {
		printf("echo: udp_new: out of UDP control blocks (MEMP_NUM_UDP_PCB)\n");
		return -1;
	}
	e = udp_bind(pcb, IP_ANY_TYPE, ECHO_PORT);
	if (e != ERR_OK) {
		printf("echo: cannot bind UDP port %d (lwIP error %d)\n", ECHO_PORT, (int)e);
		return -1;
	}
	udp_recv(pcb, udp_echo_recv, NULL);
	return 0;
}
