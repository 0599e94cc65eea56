/* endian.h for musl's libm.h (which only needs the byte order), libm-private. */
#ifndef KILN_LIBM_ENDIAN_H
#define KILN_LIBM_ENDIAN_H

#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __BYTE_ORDER __LITTLE_ENDIAN
#else
#define __BYTE_ORDER __BIG_ENDIAN
#endif

#endif
