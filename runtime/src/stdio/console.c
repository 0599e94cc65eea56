/* The three standard streams. stdout and stderr are the platform console
 * (stdout line-buffered: a console write is a hypercall, costly under
 * hvt; stderr unbuffered, as C requires); stdin has no input device and
 * is always at end of file. Also the buffer management they share:
 * __stdio_write, fflush, setvbuf. */
#include <errno.h>
#include <string.h>
#include "internal/platform.h"
#include "stdio_impl.h"

static char stdout_buf[BUFSIZ];
static char stderr_buf[BUFSIZ];   /* used only if setvbuf buffers stderr */

static struct __kiln_file console_in = {
	__F_READ, _IONBF, NULL, 0, 0, EOF, NULL,
};
static struct __kiln_file console_out = {
	__F_WRITE, _IOLBF, stdout_buf, sizeof stdout_buf, 0, EOF, solo5_console_write,
};
static struct __kiln_file console_err = {
	__F_WRITE, _IONBF, stderr_buf, 0, 0, EOF, solo5_console_write,
};

FILE *const stdin = &console_in;
FILE *const stdout = &console_out;
FILE *const stderr = &console_err;

int __stdio_flush_file(FILE *f)
{
	if (f->len) {
		f->device(f->buf, f->len);
		f->len = 0;
	}
	return 0;
}

size_t __stdio_write(FILE *f, const char *p, size_t n)
{
	size_t total = n;

	if (!(f->flags & __F_WRITE)) {
		f->flags |= __F_ERR;
		errno = EBADF;
		return 0;
	}
	if (n == 0)
		return 0;
	if (f->size == 0) {
		f->device(p, n);
		return n;
	}
	/* Line buffering: everything up to the last newline goes out now,
	 * in one console write when it fits the buffer. */
	if (f->mode == _IOLBF) {
		const char *nl = memrchr(p, '\n', n);
		if (nl) {
			size_t head = (size_t)(nl - p) + 1;
			if (f->len + head <= f->size) {
				memcpy(f->buf + f->len, p, head);
				f->len += head;
				__stdio_flush_file(f);
			} else {
				__stdio_flush_file(f);
				f->device(p, head);
			}
			p += head;
			n -= head;
			if (n == 0)
				return total;
		}
	}
	if (f->len + n > f->size) {
		__stdio_flush_file(f);
		if (n >= f->size) {
			f->device(p, n);
			return total;
		}
	}
	memcpy(f->buf + f->len, p, n);
	f->len += n;
	return total;
}

int fflush(FILE *f)
{
	if (!f) {
		__stdio_flush_file(stdout);
		__stdio_flush_file(stderr);
		return 0;
	}
	if (f->flags & __F_WRITE)
		return __stdio_flush_file(f);
	return 0;
}

/* Called by exit() (weak reference in the runtime core). */
void __stdio_flush(void)
{
	fflush(NULL);
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	if (!(f->flags & __F_WRITE))
		return 0;   /* nothing is ever read: no buffer to set */
	__stdio_flush_file(f);
	f->mode = mode;
	if (mode == _IONBF) {
		f->size = 0;
	} else if (buf && size) {
		f->buf = buf;
		f->size = size;
	} else {
		f->buf = f == stdout ? stdout_buf : stderr_buf;
		f->size = BUFSIZ;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
