################################################################################
# echo: the echo service (RFC 862) on lwIP: UDP and TCP port 7, and ping
################################################################################
ECHO_SOURCES = main.c udp-echo.c tcp-echo.c
ECHO_DEPENDENCIES = lwip
# The network device, attached with --net:service0=<tap>.
ECHO_DEVICES = net:service0
# make run: the address on make net-up's network (package/pkg-net.mk).
ECHO_RUN_NET_ARGS = --ipv4=$(KILN_NET_GUEST_CIDR)
$(eval $(kiln-application))
