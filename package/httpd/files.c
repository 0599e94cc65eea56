/* Looking up the generated table of files (files.h). */
#include <string.h>

#include "files.h"
#include "request.h"

static const struct httpd_file *find_exact(const char *path)
{
	unsigned long lo = 0, hi = httpd_files_count;

	/* The table is in byte order of the paths (gen-files sorts with
	 * LC_ALL=C), so a binary search finds a path in log2(n) compares. */
	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;
		int c = strcmp(path, httpd_files[mid].path);
		if (c == 0)
			return &httpd_files[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct httpd_file *httpd_file_find(const char *path)
{
	size_t n = strlen(path);

	if (n > 0 && path[n - 1] == '/') {
		char index[HTTP_PATH_MAX + sizeof "index.html"];
		if (n + sizeof "index.html" > sizeof index)
			return NULL;
		memcpy(index, path, n);
		memcpy(index + n, "index.html", sizeof "index.html");
		return find_exact(index);
	}
	return find_exact(path);
}
