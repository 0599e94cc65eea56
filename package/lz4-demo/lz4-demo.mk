################################################################################
# lz4-demo: compresses and decompresses a generated buffer with lz4, checked
################################################################################
LZ4_DEMO_SOURCES = main.c
LZ4_DEMO_DEPENDENCIES = lz4
$(eval $(kiln-application))
