/*
 * selftests: files built into the image, looked up by name (the cJSON
 * tests' inputs, the Lua scripts). package/selftests/gen-file-table
 * writes the tables; selftests.mk lists what goes in each.
 */
#ifndef SELFTESTS_FILES_H
#define SELFTESTS_FILES_H

struct selftests_file {
	const char *name;		/* path relative to the table's folder */
	const unsigned char *data;	/* size bytes, then a NUL */
	unsigned long size;
};

/* Tables end with an entry whose name is NULL. */
extern const struct selftests_file selftests_cjson_files[];
extern const struct selftests_file selftests_lua_scripts[];

/* The entry of table named name, or NULL. */
const struct selftests_file *selftests_file_find(const struct selftests_file *table,
						 const char *name);

#endif
