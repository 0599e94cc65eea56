/* Built like an application with _FORTIFY_SOURCE=2 (app_fortify1.c: 1,
 * app_fortify3.c: 3):
 * runs the copy named by the first argument with the second argument as
 * its source or length. Sizes follow glibc: mem* functions are checked
 * against the whole object, str* functions against the member from level 2.
 *
 *   memcpy memset memmove mempcpy explicit_bzero strcpy strcat stpcpy
 *   strncpy stpncpy STRING    into an 8-byte buffer: 8 or more characters
 *                             must abort in the runtime's check
 *   clear-from-member N       memset(&s.name, 0, sizeof s - offsetof(name) + N),
 *                             name a 4-byte member followed by 8 more bytes:
 *                             N = 0 is the valid idiom "clear from this member
 *                             to the end" and must pass; N > 0 overflows the struct
 *   clear-from-member-const x the idiom with a length known at compile time
 *                             (must compile warning-free with -Werror, and pass)
 *   member-strcpy STRING      strcpy into the 4-byte member s.name, followed by
 *                             8 more bytes in the struct: 4 to 11 characters
 *                             overflow the member (abort at level 2, not 1),
 *                             12 or more the struct (abort at both levels)
 */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
	int id;
	char name[4];
	char tail[8];
};

/* Clear from the member name to the end of the struct, plus extra bytes.
 * The compiler sees the object's size but not the length (argv). */
static int clear_from_member(size_t extra)
{
	struct record r = { 1, "abc", "1234567" };

	memset(&r.name, 0, sizeof r - offsetof(struct record, name) + extra);
	printf("cleared %d %d %d\n", r.id, r.name[0], r.tail[6]);
	return 0;
}

/* The same with the length known at compile time, through a pointer as
 * libraries write it, on an object whose size gcc knows (a static one):
 * no warning either (the build has -Werror). */
static struct record saved = { 2, "abc", "1234567" };

static void clear_tail_of(struct record *p)
{
	memset(&p->name, 0, sizeof *p - offsetof(struct record, name));
}

static int clear_from_member_const(void)
{
	clear_tail_of(&saved);
	printf("cleared %d %d %d\n", saved.id, saved.name[0], saved.tail[6]);
	return 0;
}

static int member_strcpy(const char *arg)
{
	struct record r = { 3, "", "" };

	strcpy(r.name, arg);
	printf("member %d %s\n", r.id, r.name);
	return 0;
}

int main(int argc, char **argv)
{
	char buf[8];
	const char *fn, *arg;
	size_t n;

	if (argc != 3)
		return 2;
	fn = argv[1];
	arg = argv[2];
	n = strlen(arg);
	if (!strcmp(fn, "clear-from-member"))
		return clear_from_member(strtoul(arg, NULL, 10));
	if (!strcmp(fn, "clear-from-member-const"))
		return clear_from_member_const();
	if (!strcmp(fn, "member-strcpy"))
		return member_strcpy(arg);
	if (!strcmp(fn, "memcpy"))
		memcpy(buf, arg, n + 1);
	else if (!strcmp(fn, "memmove"))
		memmove(buf, arg, n + 1);
	else if (!strcmp(fn, "mempcpy"))
		*(char *)mempcpy(buf, arg, n) = '\0';
	else if (!strcmp(fn, "memset"))
		memset(buf, 'x', n), buf[n < sizeof buf ? n : 0] = '\0';
	else if (!strcmp(fn, "explicit_bzero"))
		explicit_bzero(buf, n), strcpy(buf, "zeroed");
	else if (!strcmp(fn, "strcpy"))
		strcpy(buf, arg);
	else if (!strcmp(fn, "strcat"))
		buf[0] = '\0', strcat(buf, arg);
	else if (!strcmp(fn, "stpcpy"))
		stpcpy(buf, arg);
	else if (!strcmp(fn, "strncpy"))
		strncpy(buf, arg, n), buf[n < sizeof buf ? n : 0] = '\0';
	else if (!strcmp(fn, "stpncpy"))
		*stpncpy(buf, arg, n) = '\0';
	else
		return 2;
	puts(buf);
	return 0;
}
