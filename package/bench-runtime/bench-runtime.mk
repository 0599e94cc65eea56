################################################################################
# bench-runtime: the runtime's speed inside the unikernel (bench.c, which also
# builds for the host: tests/bench/runtime-unikernel.sh)
################################################################################
BENCH_RUNTIME_SOURCES = bench.c
# snprintf of doubles
BENCH_RUNTIME_FPU = y
BENCH_RUNTIME_CFLAGS = -Wextra
$(eval $(kiln-application))
