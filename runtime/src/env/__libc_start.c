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

/* Words of the command line (the start of each run of non-space). */
static size_t count_words(const char *s)
{
	size_t words = 0;

	for (size_t i = 0; s[i]; i++)
		if (!is_space(s[i]) && (i == 0 || is_space(s[i - 1])))
			words++;
	return words;
}

/* Split the command line in copy (a writable copy) on white space into
 * argv, NULL-terminated; returns argc. */
static int split_cmdline(char *copy, char **argv)
{
	int n = 0;

	argv[n++] = (char *)(&__kiln_app_name && __kiln_app_name ? __kiln_app_name : "kiln");
	for (size_t i = 0; copy[i]; i++) {
		if (is_space(copy[i]))
			copy[i] = '\0';
		else if (i == 0 || copy[i - 1] == '\0')
			argv[n++] = copy + i;
	}
	argv[n] = NULL;
	return n;
}

/*
 * The command line (at most 8 KiB) and argv live on this frame, which
 * stays until exit: no heap is needed to start, so an application that
 * never allocates does not link the allocator.
 */
int solo5_app_main(const struct solo5_start_info *si)
{
	const char *cmdline = si->cmdline ? si->cmdline : "";
	size_t len = strlen(cmdline);
	char copy[len + 1];
	char *argv[count_words(cmdline) + 2];

	__libc_heap_start = si->heap_start;
	__libc_heap_size = si->heap_size;
	memcpy(copy, cmdline, len + 1);
	int argc = split_cmdline(copy, argv);
	exit(main(argc, argv));
}
