#include <string.h>

char *strcat(char *restrict d, const char *restrict s)
{
	stpcpy(d + strlen(d), s);
	return d;
}
