#include <time.h>

char *tzname[2] = {(char *)"UTC", (char *)"UTC"};
long timezone;
int daylight;

void tzset(void)
{
}
