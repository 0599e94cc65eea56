/*
 * The files httpd serves: a read-only table generated at build time from
 * the folder HTTPD_ROOT names (gen-files), sorted by path.
 */
#ifndef HTTPD_FILES_H
#define HTTPD_FILES_H

struct httpd_file {
	const char *path;          /* "/index.html": "/" and its path in the folder */
	const unsigned char *data;
	unsigned long size;
};

extern const struct httpd_file httpd_files[];
extern const unsigned long httpd_files_count;

/* The file for a decoded URL path: the exact path, or for a path ending
 * in "/", that folder's index.html. NULL when there is none. */
const struct httpd_file *httpd_file_find(const char *path);

/* The Content-Type for a path, from its extension. */
const char *httpd_content_type(const char *path);

#endif
