/*
 * Kiln's port of lwIP: helpers for applications on lwIP's TCP callback API.
 */
#include "lwip/tcp.h"

#include "kiln-lwip.h"

void kiln_lwip_tcp_detach(struct tcp_pcb *pcb)
{
	tcp_arg(pcb, NULL);
	tcp_recv(pcb, NULL);
	tcp_sent(pcb, NULL);
	tcp_err(pcb, NULL);
	tcp_poll(pcb, NULL, 0);
}
