/*
 * lwIP's options for Kiln (lwIP reads this file through lwip/opt.h).
 * Every object of lwIP, of the port and of its users is compiled with it,
 * so it is installed with lwIP's headers. What is not set here keeps
 * lwIP's default (src/include/lwip/opt.h). README.md beside port/ says why
 * the stack runs without threads.
 */
#ifndef KILN_LWIPOPTS_H
#define KILN_LWIPOPTS_H

/* ---- the system: no threads, no locks ------------------------------- */

/* One thread of control, the application's: it calls kiln_lwip_poll(),
 * which feeds frames in and runs the timers (kiln-lwip.h). Only the
 * callback ("raw") API exists without threads. */
#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0

/* ---- memory ------------------------------------------------------------ */

/* The heap (PBUF_RAM buffers: every frame received, every segment sent
 * with a copy) is the runtime's malloc, so lwIP shares the image's memory
 * rather than carving a fixed heap of its own out of it. */
#define MEM_LIBC_MALLOC 1
#define MEM_ALIGNMENT 8
/* Control blocks come from fixed pools (in .bss): their counts bound the
 * connections and the queued segments, so a flood cannot take all memory,
 * and TIME_WAIT connections are reused when the pool runs out. */
#define MEMP_MEM_MALLOC 0
#define MEMP_NUM_PBUF 64
#define MEMP_NUM_UDP_PCB 8
#define MEMP_NUM_TCP_PCB 128
#define MEMP_NUM_TCP_PCB_LISTEN 8
#define MEMP_NUM_TCP_SEG 1024
#define MEMP_NUM_REASSDATA 8
#define MEMP_NUM_FRAG_PBUF 32
#define MEMP_NUM_ARP_QUEUE 64
/* lwIP's own timers, and room for the application's sys_timeout()s. */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
/* No pool of receive buffers: the port reads each frame into a PBUF_RAM
 * buffer of its own size (port/netif.c), and nothing else in the core
 * allocates from PBUF_POOL. */
#define PBUF_POOL_SIZE 0

/* ---- protocols ----------------------------------------------------------- */

#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define ARP_TABLE_SIZE 16
/* A packet sent to a neighbour whose MAC is not known yet waits for the
 * ARP reply instead of being dropped. */
#define ARP_QUEUEING 1
#define ETHARP_SUPPORT_STATIC_ENTRIES 0
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_AUTOIP 0
#define LWIP_IGMP 0
#define LWIP_DNS 0
#define LWIP_ALTCP 0
/* Datagrams larger than the MTU, both ways. */
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define IP_REASS_MAX_PBUFS 32

/* ---- TCP ---------------------------------------------------------------- */

/* For a 1500-byte MTU; lwIP lowers it to what the interface's MTU and the
 * peer's MSS option allow. */
#define TCP_MSS 1460
/* 44 segments: the largest window without window scaling (64240 bytes). */
#define TCP_WND (44 * TCP_MSS)
#define TCP_SND_BUF (44 * TCP_MSS)
#define TCP_SND_QUEUELEN (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_QUEUE_OOSEQ 1
#define LWIP_TCP_SACK_OUT 1
#define LWIP_TCP_KEEPALIVE 1
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 64
/* tcp_write copies into one pbuf per segment, so that the interface can
 * send each frame with one write (port/netif.c). */
#define TCP_OVERSIZE TCP_MSS
#define LWIP_NETIF_TX_SINGLE_PBUF 1

/* ---- the interface ---------------------------------------------------------- */

#define LWIP_SINGLE_NETIF 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 0
#define LWIP_NETIF_HOSTNAME 1
/* No hardware offload on a tap: every checksum is computed and checked
 * here. */
#define CHECKSUM_GEN_IP 1
#define CHECKSUM_GEN_UDP 1
#define CHECKSUM_GEN_TCP 1
#define CHECKSUM_GEN_ICMP 1
#define CHECKSUM_CHECK_IP 1
#define CHECKSUM_CHECK_UDP 1
#define CHECKSUM_CHECK_TCP 1
#define CHECKSUM_CHECK_ICMP 1
/* 32 bits at a time (algorithm 3 of inet_chksum.c), for a 64-bit CPU. */
#define LWIP_CHKSUM_ALGORITHM 3

/* ---- diagnostics ------------------------------------------------------------ */

#define LWIP_STATS 0
#define LWIP_STATS_DISPLAY 0
/* lwIP's asserts stay on (arch/cc.h prints them and aborts): a broken
 * invariant is reported, not carried on with. */

#endif /* KILN_LWIPOPTS_H */
