#include <string.h>

char *strtok_r(char *restrict s, const char *restrict sep, char **restrict saved)
{
	if (!s && !(s = *saved))
		return NULL;
	s += strspn(s, sep);
	if (!*s) {
		*saved = NULL;
		return NULL;
	}
	*saved = s + strcspn(s, sep);
	if (**saved)
		*(*saved)++ = '\0';
	else
		*saved = NULL;
	return s;
}
