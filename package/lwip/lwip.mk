################################################################################
# lwip: lwIP 2.1.3, a TCP/IP stack (IPv4, ARP, ICMP, UDP, TCP, DHCP client),
# with Kiln's port: a network interface over solo5.h's net device, the
# platform's clock, the runtime's allocator, and a NO_SYS main loop (port/,
# README.md)
################################################################################
LWIP_VERSION = 2.1.3
# The upstream release archive, and Debian's repack of it (+dfsg1: the same
# release less its generated documentation) as an alternative that mirrors
# may serve. lwip.hash has only the repack's sha256: see there why.
LWIP_SOURCE = lwip-$(LWIP_VERSION).zip
LWIP_SITE = https://download.savannah.nongnu.org/releases/lwip
LWIP_ALT_SOURCES = lwip-$(LWIP_VERSION)+dfsg1.tar.xz
LWIP_LICENSE = BSD-3-Clause
LWIP_LICENSE_FILES = COPYING
# The core, IPv4 and Ethernet (upstream's COREFILES, CORE4FILES and
# netif/ethernet.c, as src/Filelists.mk lists them). What port/include/
# lwipopts.h turns off (DNS, AutoIP, IGMP, altcp) compiles to nothing.
# No api/: the sequential and sockets APIs need threads (NO_SYS=0).
LWIP_SOURCES = $(addprefix src/core/, \
	init.c def.c dns.c inet_chksum.c ip.c mem.c memp.c netif.c pbuf.c raw.c \
	stats.c sys.c altcp.c altcp_alloc.c altcp_tcp.c tcp.c tcp_in.c tcp_out.c \
	timeouts.c udp.c) \
	$(addprefix src/core/ipv4/, \
	autoip.c dhcp.c etharp.c icmp.c igmp.c ip4_frag.c ip4.c ip4_addr.c) \
	src/netif/ethernet.c
# Integer code only.
LWIP_FPU =
LWIP_INCLUDES = src/include $(LWIP_PKGDIR)/port/include
# lwIP's headers, and the port's (lwipopts.h, arch/cc.h, kiln-lwip.h):
# every user of lwIP compiles with the same options the stack was built with.
LWIP_PORT_HEADERS = $(addprefix $(LWIP_PKGDIR)/port/include/,lwipopts.h arch kiln-lwip.h kiln-lwip-chksum.h)
LWIP_INSTALL_HEADERS = src/include/lwip src/include/netif $(LWIP_PORT_HEADERS)
$(eval $(kiln-package))
# A changed port header is installed again.
$(LWIP_STAMP_HEADERS): $(wildcard $(LWIP_PKGDIR)/port/include/*.h $(LWIP_PKGDIR)/port/include/*/*.h)

# Kiln's port (port/), in an archive of its own linked with liblwip.a.
LWIP_PORT_SRCDIR = $(LWIP_PKGDIR)/port
LWIP_PORT_SOURCES = sys_arch.c netif.c args.c loop.c tcp.c chksum.c
LWIP_PORT_INCLUDES = $(LWIP_SRCDIR)/src/include $(LWIP_PKGDIR)/port/include
LWIP_PORT_CFLAGS = -Wall -Wextra
LWIP_PORT_PREREQS = $(LWIP_STAMP_PATCHED)
$(eval $(call kiln-local-library-inner,lwip-port,LWIP_PORT))
LWIP_LINK = $(LWIP_LIB) $(LWIP_PORT_LIB)
lwip lwip-build: $(LWIP_PORT_LIB)
