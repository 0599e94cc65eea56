/* Kiln runtime: the integer parser behind strtol and its family. */
#ifndef __KILN_INTERNAL_INTSCAN_H
#define __KILN_INTERNAL_INTSCAN_H

/* Parse an integer as strtol does, for a type whose largest value is max
 * and which is signed or not. Returns the value's bits (the caller casts);
 * on overflow sets errno to ERANGE and returns the type's max (or min). */
unsigned long long __intscan(const char *s, char **end, int base,
			     unsigned long long max, int is_signed);

#endif
