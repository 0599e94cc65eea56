/*
 * dev_net.c: network devices backed by Linux tap interfaces.
 */
#ifndef _GNU_SOURCE /* the build may define it already */
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/ethtool.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "devices.h"
#include "tender.h"

#define NET_PREFIX "--net:"
#define MAC_PREFIX "--net-mac:"
#define MTU_DEFAULT 1500 /* for an fd passed with @FD: its interface is unknown */

/* Ask the kernel not to merge frames (GRO/GSO) beyond what the guest reads. */
static void disable_offloads(int sock, const char *ifname)
{
    static const uint32_t cmds[] = {ETHTOOL_SGRO, ETHTOOL_SGSO};

    for (unsigned i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        struct ethtool_value ev = {.cmd = cmds[i], .data = 0};
        struct ifreq ifr;
        memset(&ifr, 0, sizeof ifr);
        strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
        ifr.ifr_data = (void *)&ev;
        (void)ioctl(sock, SIOCETHTOOL, &ifr); /* best effort */
    }
}

static int open_tap(const char *arg, const char *ifname, int *mtu)
{
    struct ifreq ifr;

    if (strlen(ifname) >= IFNAMSIZ)
        tender_fail("%s: interface name '%s' is too long", arg, ifname);
    /* Check first: TUNSETIFF would otherwise create a new interface. */
    if (if_nametoindex(ifname) == 0)
        tender_fail("%s: no network interface '%s' (create it: ip tuntap add "
                    "%s mode tap; ip link set %s up)", arg, ifname, ifname, ifname);
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        tender_fail("%s: socket: %s", arg, strerror(errno));
    memset(&ifr, 0, sizeof ifr);
    strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0)
        tender_fail("%s: cannot read the flags of '%s': %s", arg, ifname,
                    strerror(errno));
    if (!(ifr.ifr_flags & IFF_UP))
        tender_fail("%s: interface '%s' is down (ip link set %s up)", arg, ifname,
                    ifname);
    if (ioctl(sock, SIOCGIFMTU, &ifr) < 0)
        tender_fail("%s: cannot read the MTU of '%s': %s", arg, ifname,
                    strerror(errno));
    *mtu = ifr.ifr_mtu;

    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        tender_fail("%s: cannot open /dev/net/tun: %s", arg, strerror(errno));
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0)
        tender_fail("%s: cannot attach to tap interface '%s': %s (is it a tap, "
                    "and not in use?)", arg, ifname, strerror(errno));
    if (strncmp(ifr.ifr_name, ifname, IFNAMSIZ) != 0)
        tender_fail("%s: the kernel attached '%s', not '%s'", arg, ifr.ifr_name,
                    ifname);
    disable_offloads(sock, ifname);
    close(sock);
    return fd;
}

static int use_fd(const char *arg, const char *number, int *mtu)
{
    char *end;

    errno = 0;
    long fd = strtol(number, &end, 10);
    if (*number < '0' || *number > '9' || *end != '\0' || errno != 0 ||
        fd > INT_MAX)
        tender_fail("%s: '@%s' is not a file descriptor number", arg, number);
    int flags = fcntl((int)fd, F_GETFL);
    if (flags < 0 || fcntl((int)fd, F_SETFL, flags | O_NONBLOCK) < 0)
        tender_fail("%s: file descriptor %ld is not open: %s", arg, fd,
                    strerror(errno));
    *mtu = MTU_DEFAULT;
    return (int)fd;
}

static void attach(const char *arg, struct mft *mft)
{
    const char *iface;
    int mtu;
    struct mft_entry *e = dev_option_entry(arg, NET_PREFIX, mft,
                                           MFT_DEV_NET_BASIC,
                                           "--net:NAME=TAP or --net:NAME=@FD",
                                           &iface);
    if (e->attached)
        tender_fail("%s: net device '%s' is attached twice", arg, e->name);
    int fd = iface[0] == '@' ? use_fd(arg, iface + 1, &mtu)
                             : open_tap(arg, iface, &mtu);
    if (mtu <= 0 || mtu > 65535)
        tender_fail("%s: unusable MTU %d", arg, mtu);
    e->u.net_basic.mtu = (uint16_t)mtu;
    e->b.hostfd = fd;
    e->attached = true;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void set_mac(const char *arg, struct mft *mft)
{
    const char *v;
    uint8_t mac[6];
    struct mft_entry *e = dev_option_entry(arg, MAC_PREFIX, mft,
                                           MFT_DEV_NET_BASIC,
                                           "--net-mac:NAME=xx:xx:xx:xx:xx:xx", &v);
    for (int i = 0; i < 6; i++, v += 3) {
        int hi = hex_digit(v[0]), lo = hi < 0 ? -1 : hex_digit(v[1]);
        char sep = lo < 0 ? 'x' : v[2];
        if (hi < 0 || lo < 0 || sep != (i == 5 ? '\0' : ':'))
            tender_fail("%s: malformed MAC: want xx:xx:xx:xx:xx:xx", arg);
        mac[i] = (uint8_t)(hi << 4 | lo);
    }
    if (mac[0] & 1)
        tender_fail("%s: a multicast MAC cannot be a device's address", arg);
    memcpy(e->u.net_basic.mac, mac, sizeof mac);
}

bool dev_net_option(const char *arg, struct mft *mft)
{
    if (strncmp(arg, NET_PREFIX, strlen(NET_PREFIX)) == 0)
        attach(arg, mft);
    else if (strncmp(arg, MAC_PREFIX, strlen(MAC_PREFIX)) == 0)
        set_mac(arg, mft);
    else
        return false;
    return true;
}

void dev_net_finish(struct mft *mft)
{
    static const uint8_t none[6];

    for (unsigned i = 1; i < mft->entries; i++) {
        struct mft_entry *e = &mft->e[i];
        if (e->type != MFT_DEV_NET_BASIC || !e->attached ||
            memcmp(e->u.net_basic.mac, none, sizeof none) != 0)
            continue;
        if (getrandom(e->u.net_basic.mac, 6, 0) != 6)
            tender_fail("net device '%s': cannot get random bytes for its MAC: %s",
                        e->name, strerror(errno));
        e->u.net_basic.mac[0] = (uint8_t)((e->u.net_basic.mac[0] & 0xfe) | 0x02);
    }
}
