################################################################################
# hello: prints a greeting and its command line, exits 0
################################################################################
HELLO_SOURCES = hello.c
$(eval $(kiln-application))
