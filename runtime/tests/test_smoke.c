/* Harness smoke test: the prefixed archive links and basic calls work. */
#include <string.h>
#include "harness.h"

size_t kiln_strlen(const char *);
void *kiln_malloc(size_t);
void kiln_free(void *);

int main(void)
{
	char *p = kiln_malloc(100);
	CHECK(p != NULL, "malloc(100) returned NULL");
	if (p) {
		strcpy(p, "hello");
		CHECK(kiln_strlen(p) == 5, "strlen(\"hello\") = %zu", kiln_strlen(p));
		kiln_free(p);
	}
	return h_report("test_smoke");
}
