/*
 * echo: the echo service (RFC 862) on lwIP. Brings the net device up
 * (static address from the command line, or DHCP), starts the UDP and
 * TCP halves on port 7, then runs lwIP's main loop for ever; ping is
 * answered by lwIP itself.
 */
#include <stdio.h>

#include <kiln-lwip.h>

#include "echo.h"

int main(int argc, char **argv)
{
	struct kiln_lwip_config cfg;

	if (kiln_lwip_args(&argc, argv, &cfg) != 0)
		return 1;
	if (argc > 1) {
		printf("echo: unknown argument '%s' (it takes --ipv4=ADDRESS/PREFIX, "
		       "--ipv4-gateway=ADDRESS, --net-device=NAME)\n", argv[1]);
		return 1;
	}
	struct netif *nif = kiln_lwip_up(&cfg);
	if (nif == NULL)
		return 1;
	if (kiln_lwip_wait_address(nif, 60000) != 0)
		return 1;
	if (udp_echo_start() != 0 || tcp_echo_start() != 0)
		return 1;
	printf("echo: serving UDP and TCP port %d\n", ECHO_PORT);
	for (;;)
		kiln_lwip_poll(0);
}
