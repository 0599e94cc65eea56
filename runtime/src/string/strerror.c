#include <errno.h>
#include <string.h>

/* Indexed by error number; numbers without an entry read "Unknown error". */
static const char *const messages[] = {
	[0] = "No error information",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "I/O error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child process",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Out of memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[ENOTBLK] = "Block device required",
	[EBUSY] = "Resource busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Cross-device link",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "No file descriptors available",
	[ENOTTY] = "Not a tty",
	[ETXTBSY] = "Text file busy",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Invalid seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Domain error",
	[ERANGE] = "Result not representable",
	[EDEADLK] = "Resource deadlock would occur",
	[ENAMETOOLONG] = "Filename too long",
	[ENOLCK] = "No locks available",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Symbolic link loop",
	[ENOMSG] = "No message of desired type",
	[EIDRM] = "Identifier removed",
	[ENOSTR] = "Device not a stream",
	[ENODATA] = "No data available",
	[ETIME] = "Device timeout",
	[ENOSR] = "Out of streams resources",
	[ENOLINK] = "Link has been severed",
	[EPROTO] = "Protocol error",
	[EMULTIHOP] = "Multihop attempted",
	[EBADMSG] = "Bad message",
	[EOVERFLOW] = "Value too large for data type",
	[EILSEQ] = "Illegal byte sequence",
	[EUSERS] = "Too many users",
	[ENOTSOCK] = "Not a socket",
	[EDESTADDRREQ] = "Destination address required",
	[EMSGSIZE] = "Message too large",
	[EPROTOTYPE] = "Protocol wrong type for socket",
	[ENOPROTOOPT] = "Protocol not available",
	[EPROTONOSUPPORT] = "Protocol not supported",
	[ESOCKTNOSUPPORT] = "Socket type not supported",
	[EOPNOTSUPP] = "Not supported",
	[EPFNOSUPPORT] = "Protocol family not supported",
	[EAFNOSUPPORT] = "Address family not supported by protocol",
	[EADDRINUSE] = "Address in use",
	[EADDRNOTAVAIL] = "Address not available",
	[ENETDOWN] = "Network is down",
	[ENETUNREACH] = "Network unreachable",
	[ENETRESET] = "Connection reset by network",
	[ECONNABORTED] = "Connection aborted",
	[ECONNRESET] = "Connection reset by peer",
	[ENOBUFS] = "No buffer space available",
	[EISCONN] = "Socket is connected",
	[ENOTCONN] = "Socket not connected",
	[ESHUTDOWN] = "Cannot send after socket shutdown",
	[ETOOMANYREFS] = "Too many references",
	[ETIMEDOUT] = "Operation timed out",
	[ECONNREFUSED] = "Connection refused",
	[EHOSTDOWN] = "Host is down",
	[EHOSTUNREACH] = "Host is unreachable",
	[EALREADY] = "Operation already in progress",
	[EINPROGRESS] = "Operation in progress",
	[ESTALE] = "Stale file handle",
	[EDQUOT] = "Quota exceeded",
	[ECANCELED] = "Operation canceled",
	[EOWNERDEAD] = "Previous owner died",
	[ENOTRECOVERABLE] = "State not recoverable",
};

static const char *message_of(int e)
{
	if (e >= 0 && (unsigned)e < sizeof messages / sizeof messages[0] && messages[e])
		return messages[e];
	return "Unknown error";
}

char *strerror(int e)
{
	return (char *)message_of(e);
}

int strerror_r(int e, char *buf, size_t n)
{
	const char *m = message_of(e);
	size_t len = strlen(m);

	if (!n)
		return ERANGE;
	if (len >= n) {
		memcpy(buf, m, n - 1);
		buf[n - 1] = '\0';
		return ERANGE;
	}
	memcpy(buf, m, len + 1);
	return 0;
}
