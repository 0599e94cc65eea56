/*
 * Kiln's compiler wrapper: x86_64-kiln-cc (compiles) and
 * x86_64-kiln-<platform>-cc (also links images). It adds the flags of the
 * configuration and execs the compiler: one exec, where the shell script it
 * replaces paid for a shell on each of a build's hundreds of compiles. The
 * flags are compiled in (cc-wrapper.h), so the binary is all a user needs:
 *
 *   x86_64-kiln-hvt-cc -c foo.c            compile with Kiln's target flags
 *   x86_64-kiln-hvt-cc -o app.hvt foo.o    link a hvt image (link wrapper)
 *   x86_64-kiln-hvt-cc --kiln-flags        print the flags of a compile
 *   x86_64-kiln-hvt-cc --kiln-link-flags   print those a link puts before
 *                                          and after its arguments (2 lines)
 *
 * A compile is any command with -c, -S, -E, -M or -MM; it goes through the
 * launcher when one is configured: ccache (package/pkg-ccache.mk), or distcc
 * or icecc (package/pkg-distcc.mk). A link never does.
 */
#include "cc-wrapper.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t count(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

static void print_words(const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		printf("%s%s", i ? " " : "", list[i]);
	putchar('\n');
}

static int is_compile(int argc, char **argv)
{
	static const char *const modes[] = { "-c", "-S", "-E", "-M", "-MM" };
	for (int i = 1; i < argc; i++)
		for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
			if (strcmp(argv[i], modes[m]) == 0)
				return 1;
	return 0;
}

/*
 * The object a compile writes its dependency file for (-MD, -MMD) without
 * naming it (-MT, -MQ): the value of -o, or NULL.
 */
static const char *unnamed_dependency_target(int argc, char **argv)
{
	const char *out = NULL;
	int deps = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-MT") == 0 || strcmp(argv[i], "-MQ") == 0)
			return NULL;
		if (strcmp(argv[i], "-MD") == 0 || strcmp(argv[i], "-MMD") == 0)
			deps = 1;
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[i + 1];
	}
	return deps ? out : NULL;
}

/* Append list to args at *n. */
static void append(const char **args, size_t *n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		args[(*n)++] = list[i];
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--kiln-flags") == 0) {
		print_words(kiln_cc_cflags);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "--kiln-link-flags") == 0 && kiln_cc_links) {
		print_words(kiln_cc_ldflags);
		print_words(kiln_cc_ldlibs);
		return 0;
	}

	int compile = is_compile(argc, argv);
	if (!compile && !kiln_cc_links) {
		fprintf(stderr, "%s: this wrapper compiles only (-c, -S, -E, -M); link images with %s\n",
			kiln_cc_name, kiln_cc_link_hint);
		return 2;
	}

	size_t max = count(kiln_cc_launcher) + 1 + count(kiln_cc_cflags) + count(kiln_cc_ldflags) +
		     (size_t)argc + 2 + count(kiln_cc_ldlibs) + 1;
	const char **args = calloc(max, sizeof *args);
	if (!args) {
		fprintf(stderr, "%s: out of memory\n", kiln_cc_name);
		return 1;
	}
	size_t n = 0;
	if (compile)
		append(args, &n, kiln_cc_launcher);
	args[n++] = kiln_cc_compiler;
	append(args, &n, kiln_cc_cflags);
	if (!compile)
		append(args, &n, kiln_cc_ldflags);
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	/*
	 * ccache hands gcc the paths under the tree relative (CCACHE_BASEDIR), and
	 * gcc names the object in its dependency file as -o says: a name make does
	 * not know. Naming it here keeps make's view of the headers (ccache does not
	 * put -MT in its key, so hits are unaffected).
	 */
	const char *target = compile && kiln_cc_launcher[0] ? unnamed_dependency_target(argc, argv) : NULL;
	if (target) {
		args[n++] = "-MT";
		args[n++] = target;
	}
	if (!compile)
		append(args, &n, kiln_cc_ldlibs);
	args[n] = NULL;

	execvp(args[0], (char *const *)args);
	fprintf(stderr, "%s: cannot run %s: %s\n", kiln_cc_name, args[0], strerror(errno));
	return 127;
}
