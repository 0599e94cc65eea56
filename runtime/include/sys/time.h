/* Kiln runtime: <sys/time.h>, gettimeofday for the libraries that still
 * use it (over the platform's wall clock; there is no time zone). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#ifdef __cplusplus
extern "C" {
#endif

#define __NEED_time_t
#define __NEED_suseconds_t
#include <bits/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

int gettimeofday(struct timeval *__restrict, void *__restrict);

#ifdef __cplusplus
}
#endif

#endif
