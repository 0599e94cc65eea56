/*
 * cjson-demo: parse a JSON document with cJSON, walk it, edit it, print it.
 *
 * The document is document.json, embedded by the build (CJSON_DEMO_EMBED).
 * Every value read is also checked, so a fault in the runtime underneath
 * (strtod, printf's %g, the allocator) makes the program exit 1 with the
 * failed check named; tests/packages.bats compares the output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <cJSON_Utils.h>

extern const unsigned char kiln_embed_document_json[];
extern const unsigned long kiln_embed_document_json_size;

static int failures;

static void check(int ok, const char *what)
{
	if (!ok) {
		failures++;
		printf("FAILED: %s\n", what);
	}
}

static void print_platforms(const cJSON *doc)
{
	const cJSON *platforms = cJSON_GetObjectItemCaseSensitive(doc, "platforms");
	const cJSON *platform;

	printf("platforms: %d\n", cJSON_GetArraySize(platforms));
	cJSON_ArrayForEach(platform, platforms) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(platform, "name");
		const cJSON *tender = cJSON_GetObjectItemCaseSensitive(platform, "tender");
		const cJSON *devices = cJSON_GetObjectItemCaseSensitive(platform, "devices");
		const cJSON *device;

		printf("  %-7s tender %-9s devices:", cJSON_GetStringValue(name),
		       cJSON_IsNull(tender) ? "(none)" : cJSON_GetStringValue(tender));
		cJSON_ArrayForEach(device, devices)
			printf(" %s", cJSON_GetStringValue(device));
		printf("\n");
	}
}

static void print_numbers(const cJSON *doc)
{
	const cJSON *boot = cJSON_GetObjectItemCaseSensitive(doc, "boot_ms");
	const cJSON *entry;
	double total = 0;

	cJSON_ArrayForEach(entry, boot) {
		printf("  boot %-8s %8.3f ms\n", entry->string, entry->valuedouble);
		total += entry->valuedouble;
	}
	printf("  total %.2f ms, ratio %g\n", total,
	       cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(doc, "ratio")));
	check(total == 60.75, "sum of boot_ms");
	check(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(doc, "ratio")) == 0.0015,
	      "ratio parsed as 1.5e-3");
}

/* Edit the document, print it compact, and parse that text again: the two
 * trees must be equal. */
static void edit_and_round_trip(cJSON *doc)
{
	char *compact, *pretty;
	cJSON *again;

	cJSON_DeleteItemFromObjectCaseSensitive(doc, "unikernel");
	cJSON_ReplaceItemInObjectCaseSensitive(doc, "version",
		cJSON_CreateIntArray((const int[]){0, 2, 0}, 3));
	cJSON_AddNumberToObject(doc, "answer", 42);
	cJSON_AddNumberToObject(doc, "third", 1.0 / 3.0);
	cJSON_AddItemToObject(doc, "packages", cJSON_CreateStringArray(
		(const char *const[]){"lua", "cjson", "lz4", "libm"}, 4));

	compact = cJSON_PrintUnformatted(doc);
	check(compact != NULL, "cJSON_PrintUnformatted");
	if (compact == NULL)
		return;
	printf("compact (%zu bytes):\n%s\n", strlen(compact), compact);

	again = cJSON_Parse(compact);
	check(again != NULL && cJSON_Compare(doc, again, 1), "round trip compares equal");
	check(cJSON_GetNumberValue(cJSON_GetObjectItem(again, "third")) == 1.0 / 3.0,
	      "1/3 survives printing and parsing exactly");
	cJSON_Delete(again);
	free(compact);

	pretty = cJSON_Print(cJSON_GetObjectItem(doc, "boot_ms"));
	check(pretty != NULL, "cJSON_Print");
	if (pretty != NULL) {
		printf("formatted boot_ms:\n%s\n", pretty);
		free(pretty);
	}
}

static void show_parse_error(const char *text)
{
	const char *end = NULL;
	cJSON *doc = cJSON_ParseWithOpts(text, &end, 1);

	check(doc == NULL, "a malformed document is rejected");
	if (doc == NULL && end != NULL)
		printf("malformed: error at offset %ld: \"%s\"\n", (long)(end - text), end);
	cJSON_Delete(doc);
}

int main(void)
{
	const char *text = (const char *)kiln_embed_document_json;
	cJSON *doc = cJSON_ParseWithLength(text, kiln_embed_document_json_size);
	const cJSON *item;

	if (doc == NULL) {
		const char *at = cJSON_GetErrorPtr();
		fprintf(stderr, "cjson-demo: document.json does not parse (near \"%.20s\")\n",
			at ? at : "?");
		return 1;
	}
	printf("cJSON %s parsed %lu bytes\n", cJSON_Version(), kiln_embed_document_json_size);

	item = cJSON_GetObjectItemCaseSensitive(doc, "name");
	printf("name: %s\n", cJSON_GetStringValue(item));
	check(cJSON_IsString(item) && strcmp(item->valuestring, "kiln") == 0, "name");
	check(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(doc, "unikernel")), "unikernel");

	item = cJSON_GetObjectItemCaseSensitive(doc, "greeting");
	printf("greeting: %s\n", cJSON_GetStringValue(item));
	check(strcmp(cJSON_GetStringValue(item), "caf\xc3\xa9 \xe2\x98\x95 \"quoted\"\ttab") == 0,
	      "\\u escapes decoded to UTF-8");

	print_platforms(doc);
	print_numbers(doc);

	item = cJSONUtils_GetPointerCaseSensitive(doc, "/platforms/1/tender");
	printf("pointer /platforms/1/tender: %s\n", cJSON_GetStringValue(item));
	check(item != NULL && strcmp(cJSON_GetStringValue(item), "kiln-spt") == 0, "JSON pointer");

	edit_and_round_trip(doc);
	cJSON_Delete(doc);

	show_parse_error("{\"a\": [1, 2,, 3]}");

	if (failures) {
		printf("cjson-demo: %d check(s) failed\n", failures);
		return 1;
	}
	printf("cjson-demo: all checks passed\n");
	return 0;
}
