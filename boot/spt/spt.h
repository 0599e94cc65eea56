/*
 * Kiln boot shim, spt: what the spt platform's files share.
 */
#ifndef KILN_SPT_H
#define KILN_SPT_H

#include "boot.h"
#include "kiln/spt_abi.h"
#include "syscall.h"

/* Set from the boot info by _start: the tender's epoll set and timerfd. */
extern int spt_epollfd;
extern int spt_timerfd;

#endif /* KILN_SPT_H */
