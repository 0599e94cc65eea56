/*
 * What the port's files share (netif.c owns the device; loop.c runs the
 * stack). Not installed.
 */
#ifndef KILN_LWIP_INTERNAL_H
#define KILN_LWIP_INTERNAL_H

/* Takes in up to `budget` frames waiting on the device (each goes to
 * lwIP's input at once). Returns how many; 0 when none waited. */
int kiln_lwip_netif_input(int budget);

#endif /* KILN_LWIP_INTERNAL_H */
