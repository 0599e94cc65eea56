/*
 * The network options of an lwIP application's command line (kiln-lwip.h):
 * --ipv4=ADDRESS/PREFIX, --ipv4-gateway=ADDRESS, --net-device=NAME. They
 * are taken out of argv, so the application parses only its own.
 */
#include <stdio.h>
#include <string.h>

#include "lwip/ip4_addr.h"

#include "kiln-lwip.h"

/* Strict dotted-quad: four decimal numbers 0-255 and nothing else (lwIP's
 * ip4addr_aton also takes "10.1" and octal, which would surprise). Parses
 * up to `end` (or the end of the string when end is NULL). */
static int parse_ip4(const char *s, const char *end, ip4_addr_t *out)
{
	unsigned part[4];
	int i;

	if (end == NULL)
		end = s + strlen(s);
	for (i = 0; i < 4; i++) {
		unsigned v = 0;
		int digits = 0;

		while (s < end && *s >= '0' && *s <= '9' && digits < 4) {
			v = v * 10 + (unsigned)(*s - '0');
			s++;
			digits++;
		}
		if (digits == 0 || digits > 3 || v > 255)
			return -1;
		part[i] = v;
		if (i < 3) {
			if (s >= end || *s != '.')
				return -1;
			s++;
		}
	}
	if (s != end)
		return -1;
	IP4_ADDR(out, part[0], part[1], part[2], part[3]);
	return 0;
}

/* "ADDRESS/PREFIX" into address and netmask. */
static int parse_ip4_prefix(const char *s, ip4_addr_t *addr, ip4_addr_t *mask)
{
	const char *slash = strchr(s, '/');
	unsigned prefix = 0;
	const char *p;

	if (slash == NULL || parse_ip4(s, slash, addr) != 0)
		return -1;
	p = slash + 1;
	if (*p == '\0' || strlen(p) > 2)
		return -1;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		prefix = prefix * 10 + (unsigned)(*p - '0');
	}
	if (prefix > 32)
		return -1;
	ip4_addr_set_u32(mask, prefix == 0 ? 0 : lwip_htonl(0xffffffffu << (32 - prefix)));
	return 0;
}

/* The value of option `name` ("--ipv4") in `arg` ("--ipv4=..."), or NULL. */
static const char *option_value(const char *arg, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0 || arg[n] != '=')
		return NULL;
	return arg + n + 1;
}

int kiln_lwip_args(int *argc, char **argv, struct kiln_lwip_config *cfg)
{
	int have_gateway = 0, kept = 1, i;

	memset(cfg, 0, sizeof *cfg);
	cfg->device = KILN_LWIP_DEFAULT_DEVICE;
	cfg->dhcp = 1;
	ip4_addr_set_any(&cfg->gateway);
	for (i = 1; i < *argc; i++) {
		const char *arg = argv[i], *v;

		if ((v = option_value(arg, "--ipv4")) != NULL) {
			if (parse_ip4_prefix(v, &cfg->address, &cfg->netmask) != 0) {
				printf("kiln-lwip: %s: not an IPv4 address and prefix length "
				       "(e.g. --ipv4=10.0.0.2/24)\n", arg);
				return -1;
			}
			cfg->dhcp = 0;
		} else if ((v = option_value(arg, "--ipv4-gateway")) != NULL) {
			if (parse_ip4(v, NULL, &cfg->gateway) != 0) {
				printf("kiln-lwip: %s: not an IPv4 address (e.g. "
				       "--ipv4-gateway=10.0.0.1)\n", arg);
				return -1;
			}
			have_gateway = 1;
		} else if ((v = option_value(arg, "--net-device")) != NULL) {
			if (*v == '\0') {
				printf("kiln-lwip: %s: give the name of a net device the image "
				       "declares\n", arg);
				return -1;
			}
			cfg->device = v;
		} else {
			argv[kept++] = argv[i];
		}
	}
	if (have_gateway && cfg->dhcp) {
		printf("kiln-lwip: --ipv4-gateway needs --ipv4 (with DHCP, the server "
		       "names the gateway)\n");
		return -1;
	}
	if (*argc > 0)
		argv[kept] = NULL;
	*argc = *argc > 0 ? kept : 0;
	return 0;
}
