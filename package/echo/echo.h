/* The echo service's two halves (udp-echo.c, tcp-echo.c). */
#ifndef ECHO_H
#define ECHO_H

#include <stdint.h>

#define ECHO_PORT 7

/* Each listens on ECHO_PORT on every address; 0, or -1 after printing why. */
int udp_echo_start(void);
int tcp_echo_start(void);

#endif
