/* Kiln runtime host tests: start an app_*.c program the way a tender
 * does. The program was compiled against Kiln's own headers and every
 * symbol prefixed kiln_, so its main is kiln_main, reached through the
 * runtime's solo5_app_main with the arguments as the command line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct kiln_start_info {
	const char *cmdline;
	uintptr_t heap_start;
	size_t heap_size;
};
int kiln_solo5_app_main(const struct kiln_start_info *);

int main(int argc, char **argv)
{
	size_t len = 1, heap = 64 << 20;
	char *cmdline, *p;
	void *mem;

	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	p = cmdline = calloc(1, len);
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			*p++ = ' ';
		p = stpcpy(p, argv[i]);
	}
	mem = mmap(NULL, heap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (!cmdline || mem == MAP_FAILED)
		return 125;
	struct kiln_start_info si = {cmdline, (uintptr_t)mem, heap};
	return kiln_solo5_app_main(&si);
}
