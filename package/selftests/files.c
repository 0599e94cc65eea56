/* selftests: looking up a file built into the image (files.h). */
#include <string.h>

#include "files.h"

const struct selftests_file *selftests_file_find(const struct selftests_file *table,
						 const char *name)
{
	for (; table->name != NULL; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
