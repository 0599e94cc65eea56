/*
 * The port's Internet checksum routines (port/chksum.c), which lwipopts.h
 * names as LWIP_CHKSUM and LWIP_CHKSUM_COPY. Only C types here: lwIP's
 * options include it before its own types exist.
 */
#ifndef KILN_LWIP_CHKSUM_H
#define KILN_LWIP_CHKSUM_H

#include <stdint.h>

/* lwIP's standard sum of len bytes at data (not inverted). */
uint16_t kiln_lwip_chksum(const void *data, int len);
/* Copies len bytes from src to dst; returns their sum, as above. */
uint16_t kiln_lwip_chksum_copy(void *dst, const void *src, uint16_t len);

#endif /* KILN_LWIP_CHKSUM_H */
