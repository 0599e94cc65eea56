/* Kiln runtime: program start. The boot shim calls solo5_app_main with the
 * heap and the command line; this turns them into a C program's world. */
#include <stdlib.h>
#include <string.h>
#include "internal/libc.h"
#include "internal/platform.h"

int main(int argc, char **argv);

/* argv[0]: the application's name when the build provides one (a weak
 * symbol the image link may define), otherwise "kiln". */
extern const char *const __kiln_app_name __attribute__((weak));

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Split the command line on white space into a NULL-terminated argv. The
 * boot info may sit in read-only memory, so the words live in a copy. */
static char **split_cmdline(const char *cmdline, int *argc)
{
	size_t len = cmdline ? strlen(cmdline) : 0;
	size_t words = 0, i;
	char *copy = malloc(len + 1);
	char **argv;
	int n = 0;

	for (i = 0; i < len; i++)
		if (!is_space(cmdline[i]) && (i == 0 || is_space(cmdline[i - 1])))
			words++;
	argv = malloc((words + 2) * sizeof *argv);
	if (!copy || !argv)
		__libc_fatal("start: no heap for the command line; give the unikernel more memory");
	memcpy(copy, cmdline ? cmdline : "", len + 1);
	argv[n++] = (char *)(&__kiln_app_name && __kiln_app_name ? __kiln_app_name : "kiln");
	for (i = 0; i < len; i++) {
		if (is_space(copy[i])) {
			copy[i] = '\0';
		} else if (i == 0 || copy[i - 1] == '\0') {
			argv[n++] = copy + i;
		}
	}
	argv[n] = NULL;
	*argc = n;
	return argv;
}

int solo5_app_main(const struct solo5_start_info *si)
{
	int argc;
	char **argv;

	__malloc_add_region((void *)si->heap_start, si->heap_size);
	argv = split_cmdline(si->cmdline, &argc);
	exit(main(argc, argv));
}
