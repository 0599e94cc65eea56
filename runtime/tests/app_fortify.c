/* Built like an application with _FORTIFY_SOURCE=2: copies its second
 * argument into an 8-byte buffer with the function named by the first.
 * An argument of 8 or more characters must abort in the runtime's check. */
#define _FORTIFY_SOURCE 2
#include <stdio.h>
#include <string.h>

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
	if (!strcmp(fn, "memcpy"))
		memcpy(buf, arg, n + 1);
	else if (!strcmp(fn, "memset"))
		memset(buf, 'x', n), buf[n < sizeof buf ? n : 0] = '\0';
	else if (!strcmp(fn, "strcpy"))
		strcpy(buf, arg);
	else if (!strcmp(fn, "strcat"))
		buf[0] = '\0', strcat(buf, arg);
	else if (!strcmp(fn, "stpcpy"))
		stpcpy(buf, arg);
	else if (!strcmp(fn, "strncpy"))
		strncpy(buf, arg, n), buf[n < sizeof buf ? n : 0] = '\0';
	else
		return 2;
	puts(buf);
	return 0;
}
