/*
 * The main loop of a NO_SYS lwIP: frames in, timers, sleep. Solo5 has one
 * thread and no interrupts, so everything the stack does happens here,
 * when the application asks (README.md says why there is no scheduler).
 */
#include <stdio.h>

#include <solo5.h>

#include "lwip/dhcp.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/timeouts.h"

#include "kiln-lwip.h"
#include "kiln-lwip-internal.h"

/* Frames taken in before the timers get a turn: a busy link must not
 * starve TCP's retransmission and delayed-ACK timers. */
#define INPUT_BUDGET 128

#define NS_PER_MS 1000000ull

int kiln_lwip_poll(solo5_time_t deadline)
{
	int taken = kiln_lwip_netif_input(INPUT_BUDGET);

	sys_check_timeouts();
	if (taken == INPUT_BUDGET)
		return taken; /* more may be waiting: no sleep */

	solo5_time_t now = solo5_clock_monotonic();
	u32_t sleep_ms = sys_timeouts_sleeptime();
	solo5_time_t until = sleep_ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE
				     ? now + 1000 * NS_PER_MS
				     : now + (solo5_time_t)sleep_ms * NS_PER_MS;
	if (deadline != 0 && deadline < until)
		until = deadline;
	if (until > now) {
		solo5_handle_set_t ready = 0;
		solo5_yield(until, &ready);
	}
	return taken;
}

int kiln_lwip_wait_address(struct netif *nif, uint32_t timeout_ms)
{
	solo5_time_t end = solo5_clock_monotonic() + (solo5_time_t)timeout_ms * NS_PER_MS;
	int dhcp = netif_dhcp_data(nif) != NULL;

	while (dhcp && !dhcp_supplied_address(nif)) {
		if (solo5_clock_monotonic() >= end) {
			printf("kiln-lwip: no DHCP lease after %u ms\n", (unsigned)timeout_ms);
			return -1;
		}
		kiln_lwip_poll(end);
	}
	char a[IP4ADDR_STRLEN_MAX], m[IP4ADDR_STRLEN_MAX], g[IP4ADDR_STRLEN_MAX];
	ip4addr_ntoa_r(netif_ip4_addr(nif), a, sizeof a);
	ip4addr_ntoa_r(netif_ip4_netmask(nif), m, sizeof m);
	ip4addr_ntoa_r(netif_ip4_gw(nif), g, sizeof g);
	printf("kiln-lwip: address %s netmask %s gateway %s (%s)\n", a, m, g,
	       dhcp ? "DHCP" : "static");
	return 0;
}
