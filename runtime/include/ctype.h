/* Kiln runtime: <ctype.h>, C locale only. */
#ifndef _CTYPE_H
#define _CTYPE_H

#ifdef __cplusplus
extern "C" {
#endif

int isalnum(int);
int isalpha(int);
int isblank(int);
int iscntrl(int);
int isdigit(int);
int isgraph(int);
int islower(int);
int isprint(int);
int ispunct(int);
int isspace(int);
int isupper(int);
int isxdigit(int);
int tolower(int);
int toupper(int);
int isascii(int);
int toascii(int);

/* The common classes as macros: cheap, and each argument evaluated once. */
#ifndef __cplusplus
#define isdigit(c) ((unsigned)(c) - '0' < 10)
#define islower(c) ((unsigned)(c) - 'a' < 26)
#define isupper(c) ((unsigned)(c) - 'A' < 26)
#define isalpha(c) (((unsigned)(c) | 32) - 'a' < 26)
#define isprint(c) ((unsigned)(c) - 0x20 < 0x5f)
#define isgraph(c) ((unsigned)(c) - 0x21 < 0x5e)
#endif

#ifdef __cplusplus
}
#endif

#endif
