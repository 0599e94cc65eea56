/* Kiln runtime: the handler table shared by signal() and raise(). */
#ifndef __KILN_SIGNAL_HANDLERS_H
#define __KILN_SIGNAL_HANDLERS_H

extern void (*__signal_handlers[])(int);

#endif
