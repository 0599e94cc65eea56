/* Kiln runtime host tests: the Solo5 application API the runtime calls,
 * implemented over glibc with the kiln_ prefix the test archive uses. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

void kiln___malloc_add_region(void *base, size_t size);

char *kiln_host_console_buf;
size_t kiln_host_console_len, kiln_host_console_cap;

void kiln_solo5_console_write(const char *buf, size_t size)
{
	if (kiln_host_console_buf) {
		size_t room = kiln_host_console_cap - kiln_host_console_len;
		size_t n = size < room ? size : room;
		memcpy(kiln_host_console_buf + kiln_host_console_len, buf, n);
		kiln_host_console_len += n;
		return;
	}
	while (size) {
		ssize_t w = write(1, buf, size);
		if (w <= 0)
			return;
		buf += w;
		size -= (size_t)w;
	}
}

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t kiln_solo5_clock_monotonic(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

uint64_t kiln_solo5_clock_wall(void)
{
	return clock_ns(CLOCK_REALTIME);
}

void kiln_solo5_exit(int status)
{
	_exit(status);
}

void kiln_solo5_abort(void)
{
	/* Solo5 exits 255 on abort; on the host a real SIGABRT is easier
	 * for tests to tell apart from a normal exit. */
	signal(SIGABRT, SIG_DFL);
	abort();
}

/* The heap a unikernel gets from its tender: reserved, not committed,
 * so a large size costs nothing until used. KILN_HOST_HEAP_MB sets it. */
__attribute__((constructor)) static void host_heap_init(void)
{
	const char *s = getenv("KILN_HOST_HEAP_MB");
	size_t size = (size_t)(s ? strtoul(s, NULL, 0) : 1024) << 20;
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p != MAP_FAILED)
		kiln___malloc_add_region(p, size);
}
