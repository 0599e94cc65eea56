/*
 * Kiln's port of lwIP: bringing the image's net device up under lwIP and
 * running the stack, for applications written against lwIP's callback
 * ("raw") API (lwip/tcp.h, lwip/udp.h). package/lwip/README.md tells the
 * whole story; in short:
 *
 *     struct kiln_lwip_config cfg;
 *     if (kiln_lwip_args(&argc, argv, &cfg) != 0) return 1;
 *     struct netif *nif = kiln_lwip_up(&cfg);
 *     if (nif == NULL || kiln_lwip_wait_address(nif, 30000) != 0) return 1;
 *     ... tcp_new(), tcp_bind(), tcp_listen(), udp_new() ...
 *     for (;;)
 *         kiln_lwip_poll(0);
 *
 * Everything runs on the application's one thread: lwIP's callbacks are
 * called from inside kiln_lwip_poll(), never at any other time.
 */
#ifndef KILN_LWIP_H
#define KILN_LWIP_H

#include <stdint.h>

#include <solo5.h>

#include "lwip/ip4_addr.h"
#include "lwip/netif.h"

/* The net device an image declares for lwIP unless it says otherwise
 * (<APP>_DEVICES = net:service0; the tender's --net:service0=<tap>). */
#define KILN_LWIP_DEFAULT_DEVICE "service0"

struct kiln_lwip_config {
	const char *device;   /* solo5 net device name */
	int dhcp;             /* 1: ask a DHCP server; 0: the address below */
	ip4_addr_t address;   /* static address (dhcp == 0) */
	ip4_addr_t netmask;
	ip4_addr_t gateway;   /* IP4_ADDR_ANY4: none */
};

/*
 * Reads the network options out of the command line, removing them from
 * argv (and *argc) so that the application sees only its own:
 *   --ipv4=ADDRESS/PREFIX   static address, e.g. --ipv4=10.0.0.2/24
 *   --ipv4-gateway=ADDRESS  default route (static address only)
 *   --net-device=NAME       solo5 net device (default "service0")
 * Without --ipv4, the address comes from DHCP. Returns 0, or -1 after
 * printing what is wrong with which option.
 */
int kiln_lwip_args(int *argc, char **argv, struct kiln_lwip_config *cfg);

/*
 * Starts lwIP (once), acquires cfg->device and adds it as the default
 * interface, up, with the static address or with DHCP started. Prints
 * the device's MAC and MTU. Returns the interface, or NULL after printing
 * why (the device is not declared or not attached, ...).
 */
struct netif *kiln_lwip_up(const struct kiln_lwip_config *cfg);

/*
 * Runs the stack until the interface has an address (at once for a
 * static one; for DHCP, until a lease is bound), at most timeout_ms.
 * Prints the address, netmask and gateway. Returns 0, or -1 on time-out.
 */
int kiln_lwip_wait_address(struct netif *nif, uint32_t timeout_ms);

/*
 * One turn of the main loop: takes in every frame waiting on the device
 * (lwIP's callbacks run now), runs lwIP's timers that are due, then
 * sleeps in solo5_yield until a frame arrives, the next timer is due or
 * the monotonic time `deadline` (ns, as solo5_clock_monotonic(); 0: no
 * deadline of the caller's) passes, whichever comes first. Returns the
 * number of frames taken in.
 */
int kiln_lwip_poll(solo5_time_t deadline);

/* Frames taken in and sent out, and those dropped (no memory, or a device
 * error), since kiln_lwip_up(). */
struct kiln_lwip_counters {
	uint64_t rx_frames, tx_frames;
	uint64_t rx_dropped, tx_dropped;
};
void kiln_lwip_counters(struct kiln_lwip_counters *out);

/*
 * Clears every callback and the argument of a TCP connection's pcb, before
 * the application frees its own state and closes or aborts the pcb: lwIP
 * may still call a pcb's callbacks after tcp_close() (an error, a late
 * segment), and they must not find freed state.
 */
struct tcp_pcb;
void kiln_lwip_tcp_detach(struct tcp_pcb *pcb);

#endif /* KILN_LWIP_H */
