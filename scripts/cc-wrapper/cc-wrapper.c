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
 * or icecc (package/pkg-distcc.mk). A link never does. A compile that makes
 * code (-c, -S) also gets the flags that make it the same on a distcc helper
 * (-fdirectives-only); a preprocessing one (-E, -M) does not, so that its
 * output has the macros expanded, as one expects of -E.
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

/* first's words, then second's, on one line. */
static void print_words_of_both(const char *const *first, const char *const *second)
{
	for (size_t i = 0; first[i]; i++)
		printf("%s%s", i ? " " : "", first[i]);
	for (size_t i = 0; second[i]; i++)
		printf("%s%s", i || first[0] ? " " : "", second[i]);
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

/* A compile that makes code: -c or -S, and no -E, -M or -MM (which win). */
static int makes_code(int argc, char **argv)
{
	int code = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-E") == 0 || strcmp(argv[i], "-M") == 0 || strcmp(argv[i], "-MM") == 0)
			return 0;
		if (strcmp(argv[i], "-c") == 0 || strcmp(argv[i], "-S") == 0)
			code = 1;
	}
	return code;
}

/*
 * What a compile that writes a dependency file (-MD, -MMD) leaves gcc to
 * name: the file (no -MF) and the target in it (no -MT, -MQ). gcc names
 * both after -o, but not under a launcher: ccache hands gcc the paths
 * under the tree relative (CCACHE_BASEDIR), so the target would be a name
 * make does not know, and distcc preprocesses without -o, so the file
 * would be <source>.d in the current folder (two sources of one name
 * writing one file) and make would never read it. The wrapper names both.
 */
struct dependency_names {
	const char *object;	/* the -o of a compile with -MD or -MMD, or NULL */
	int has_target;		/* -MT or -MQ given */
	int has_file;		/* -MF given */
};

static struct dependency_names dependency_names(int argc, char **argv)
{
	struct dependency_names d = { NULL, 0, 0 };
	int deps = 0, compile = 0;
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "-MT", 3) == 0 || strncmp(a, "-MQ", 3) == 0)
			d.has_target = 1;
		else if (strncmp(a, "-MF", 3) == 0)
			d.has_file = 1;
		else if (strcmp(a, "-MD") == 0 || strcmp(a, "-MMD") == 0)
			deps = 1;
		else if (strcmp(a, "-c") == 0 || strcmp(a, "-S") == 0)
			compile = 1;
		else if (strcmp(a, "-o") == 0 && i + 1 < argc)
			out = argv[++i];
	}
	if (deps && compile)
		d.object = out;
	return d;
}

/* gcc's name for the dependency file of object: its suffix replaced by .d. */
static char *dependency_file(const char *object)
{
	const char *slash = strrchr(object, '/');
	const char *dot = strrchr(slash ? slash + 1 : object, '.');
	size_t stem = dot ? (size_t)(dot - object) : strlen(object);
	char *file = malloc(stem + 3);
	if (file) {
		memcpy(file, object, stem);
		memcpy(file + stem, ".d", 3);
	}
	return file;
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
		print_words_of_both(kiln_cc_cflags, kiln_cc_code_cflags);
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

	size_t max = count(kiln_cc_launcher) + 1 + count(kiln_cc_cflags) + count(kiln_cc_code_cflags) +
		     count(kiln_cc_ldflags) +
		     (size_t)argc + 4 + count(kiln_cc_ldlibs) + 1;
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
	if (makes_code(argc, argv))
		append(args, &n, kiln_cc_code_cflags);
	if (!compile)
		append(args, &n, kiln_cc_ldflags);
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	/* (ccache puts neither name in its key: hits are unaffected.) */
	struct dependency_names deps = { NULL, 0, 0 };
	if (compile && kiln_cc_launcher[0])
		deps = dependency_names(argc, argv);
	if (deps.object && !deps.has_target) {
		args[n++] = "-MT";
		args[n++] = deps.object;
	}
	if (deps.object && !deps.has_file) {
		char *file = dependency_file(deps.object);
		if (!file) {
			fprintf(stderr, "%s: out of memory\n", kiln_cc_name);
			return 1;
		}
		args[n++] = "-MF";
		args[n++] = file;
	}
	if (!compile)
		append(args, &n, kiln_cc_ldlibs);
	args[n] = NULL;

	execvp(args[0], (char *const *)args);
	fprintf(stderr, "%s: cannot run %s: %s\n", kiln_cc_name, args[0], strerror(errno));
	return 127;
}
