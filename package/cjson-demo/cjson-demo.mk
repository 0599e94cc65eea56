################################################################################
# cjson-demo: parses a JSON document, walks it, edits it and prints it back
################################################################################
CJSON_DEMO_SOURCES = main.c
CJSON_DEMO_DEPENDENCIES = cjson
CJSON_DEMO_EMBED = document.json
# cJSON's numbers are doubles: main.c reads and prints them.
CJSON_DEMO_FPU = y
$(eval $(kiln-application))
