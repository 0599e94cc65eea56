/*
 * selftests: lz4's test data generator, programs/datagen.c of the lz4
 * tarball, compiled as it is (the include path has the tree's programs/).
 *
 * datagen.c includes util.h, the portability layer of lz4's command-line
 * tools (stat, utime, directories, timers), which a unikernel does not
 * have and datagen does not use: all it takes from it are the fixed-width
 * type names. So they are defined here, and util.h's include guard with
 * them. (platform.h does not reach for <unistd.h>: the compiler wrapper
 * undefines the host's unix and linux macros.)
 */
#include <stdint.h>

#define UTIL_H_MODULE
typedef uint8_t BYTE;
typedef uint16_t U16;
typedef uint32_t U32;
typedef uint64_t U64;

#include "datagen.c"
