/*
 * hello: the smallest Kiln application. Prints a greeting and its command
 * line, then exits 0.
 *
 * It writes with fputs rather than printf on purpose: printf brings in the
 * whole formatting engine (about 12 KiB, half of it for floating point),
 * and this image is the yardstick for Kiln's size and boot time.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    fputs("Hello from Kiln!\ncommand line:", stdout);
    for (int i = 0; i < argc; i++) {
        fputs(" ", stdout);
        fputs(argv[i], stdout);
    }
    fputs("\n", stdout);
    return 0;
}
