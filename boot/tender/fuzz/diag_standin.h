/*
 * diag_standin.h: what the fuzz targets' stand-in for diag.c records.
 *
 * The tenders end on a refusal (tender_exit, tender_fail); a fuzz target
 * must instead return to libFuzzer, so the stand-in formats the message as
 * diag.c does (the formatting of hostile values is checked too), records
 * the status and the message, and longjmps to fuzz_refused, which the
 * target sets before each call into tender code.
 */
#ifndef KILN_FUZZ_DIAG_STANDIN_H
#define KILN_FUZZ_DIAG_STANDIN_H

#include <setjmp.h>

extern jmp_buf fuzz_refused;

/* The last tender_exit's status (tender_fail's is KILN_EXIT_TENDER_ERROR) and message. */
extern int fuzz_exit_status;
extern char fuzz_exit_message[1024];

#endif
