/* hello: the smallest Kiln application. Prints a greeting and its arguments. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("Hello from Kiln!\n");
    printf("argc=%d", argc);
    for (int i = 1; i < argc; i++)
        printf(" argv[%d]=\"%s\"", i, argv[i]);
    printf("\n");
    return 0;
}
