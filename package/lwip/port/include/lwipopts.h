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
#define MEMP_NUM_REASSDATA 8
#define MEMP_NUM_FRAG_PBUF 32
#define MEMP_NUM_ARP_QUEUE 64
/* lwIP's own timers, and room for the application's sys_timeout()s. */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
/* No pool of receive buffers: the port reads each frame into a PBUF_RAM
 * buffer of its own size (port/netif.c), and nothing else in the core
 * allocates from PBUF_POOL. */
#define PBUF_POOL_SIZE 0
/* The empty pool's buffer size, which lwIP still declares: its default
 * (TCP_MSS and the headers) is past the 16 bits a pool's size has. */
#define PBUF_POOL_BUFSIZE 256

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

/* The largest MTU the port uses (port/netif.c takes the device's MTU up
 * to this): a frame's length is 16-bit in lwIP's pbufs, and 65521 bytes
 * and the 14-byte Ethernet header are 65535. It is also a Linux tap's
 * largest MTU. */
#define KILN_LWIP_MTU_MAX 65521
/* The largest MSS: lwIP lowers it, per connection, to what the
 * interface's MTU and the peer's MSS option allow (1460 on a 1500-byte
 * link), and advertises no more than the interface's MTU allows. On a
 * large-MTU link (a tap set to 65521 bytes, say) one segment is a 64 KiB
 * frame: one write to the tap instead of 45. */
#define TCP_MSS (KILN_LWIP_MTU_MAX - 40)
/* Window scaling: the peer's window may pass 64 KiB (Linux's grows to
 * megabytes), so that more than one large segment is in flight. Ours (the
 * receive window) stays 64240 bytes as before, scaled by 0 - the bytes
 * a connection can make the image hold for it stay as few. */
#define LWIP_WND_SCALE 1
#define TCP_RCV_SCALE 0
#define TCP_WND (44 * 1460)
/* The send buffer: four of the largest segments in flight (256 KiB less
 * 220 bytes), the largest the tests' and the benchmark's --mem=64 keeps
 * room for at 64 connections. Bytes sent are copied into it (one pbuf
 * per segment, LWIP_NETIF_TX_SINGLE_PBUF below), so it is memory
 * in use while unacknowledged. tcp_sndbuf() still says at most 65535
 * (lwIP's TCPWND16), tcp_write() takes a u16 length: an application
 * writes in turns of at most 64 KiB, as before. */
#define TCP_SND_BUF (4 * TCP_MSS)
/* Segments queued per connection, counted on a 1460-byte MSS link, where
 * the send buffer holds the most of them (180): twice that, for the
 * small writes of a response head. The pool holds them for 16
 * connections sending at once; a tcp_write() past the pool's end gets
 * ERR_MEM and is tried again when segments are acknowledged. */
#define TCP_SND_QUEUELEN (2 * (TCP_SND_BUF / 1460))
#define MEMP_NUM_TCP_SEG (16 * TCP_SND_QUEUELEN)
/* lwIP's checks of these options (init.c) assume a send buffer and an
 * MSS below 64 KiB (TCP_SNDLOWAT, used only by the netconn API, which is
 * off): they cannot hold with a 64 KiB MSS. The ones that matter are
 * checked in port/netif.c instead. */
#define LWIP_DISABLE_TCP_SANITY_CHECKS 1
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
/* The port's checksum routines (port/chksum.c: 32 bytes a step, about
 * three times lwIP's fastest), and the sum of the data a segment carries
 * taken while tcp_write copies it in, so that what is sent is read once
 * (LWIP_CHECKSUM_ON_COPY). */
#include "kiln-lwip-chksum.h"
#define LWIP_CHKSUM kiln_lwip_chksum
#define LWIP_CHECKSUM_ON_COPY 1
#define LWIP_CHKSUM_COPY(dst, src, len) kiln_lwip_chksum_copy(dst, src, len)

/* ---- diagnostics ------------------------------------------------------------ */

#define LWIP_STATS 0
#define LWIP_STATS_DISPLAY 0
/* lwIP's asserts stay on (arch/cc.h prints them and aborts): a broken
 * invariant is reported, not carried on with. */

#endif /* KILN_LWIPOPTS_H */
