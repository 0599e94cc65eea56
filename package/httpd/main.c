/*
 * httpd: a static HTTP/1.1 server on lwIP, serving the files embedded at
 * build time from the folder HTTPD_ROOT names (Config.options.in). Brings
 * the net device up (static address from the command line, or DHCP),
 * listens on HTTPD_PORT, then runs lwIP's main loop for ever.
 */
#include <stdio.h>

#include <kiln-lwip.h>

#include "conn.h"
#include "files.h"

int main(int argc, char **argv)
{
	struct kiln_lwip_config cfg;
	const struct httpd_limits limits = {
		.max_connections = HTTPD_MAX_CONNECTIONS,
		.timeout_ms = HTTPD_TIMEOUT_S * 1000u,
	};

	if (kiln_lwip_args(&argc, argv, &cfg) != 0)
		return 1;
	if (argc > 1) {
		printf("httpd: unknown argument '%s' (it takes --ipv4=ADDRESS/PREFIX, "
		       "--ipv4-gateway=ADDRESS, --net-device=NAME)\n", argv[1]);
		return 1;
	}
	struct netif *nif = kiln_lwip_up(&cfg);
	if (nif == NULL || kiln_lwip_wait_address(nif, 60000) != 0)
		return 1;
	if (httpd_listen(HTTPD_PORT, &limits) != 0)
		return 1;
	printf("httpd: serving %lu files on TCP port %d (at most %d connections, "
	       "%d s time limits)\n",
	       httpd_files_count, HTTPD_PORT, HTTPD_MAX_CONNECTIONS, HTTPD_TIMEOUT_S);
	for (;;)
		kiln_lwip_poll(0);
}
