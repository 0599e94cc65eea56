#include <locale.h>
#include <string.h>

char *setlocale(int category, const char *name)
{
	if (category < LC_CTYPE || category > LC_ALL)
		return NULL;
	if (!name || !*name || !strcmp(name, "C") || !strcmp(name, "POSIX"))
		return (char *)"C";
	return NULL;
}
