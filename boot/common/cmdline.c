/*
 * Kiln boot shim: the command line's leading --solo5:<level> tokens.
 *
 * Tenders (Solo5's and Kiln's) pass everything after the image name on the
 * command line; the tokens below set the shim's verbosity and are not shown
 * to the application, as Solo5's bindings do.
 */
#include "boot.h"

/* isspace() in the C locale: ' ' and \t \n \v \f \r (9..13). */
static int is_blank(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static const struct {
    const char *token;
    int level;
} log_tokens[] = {
    {"--solo5:quiet", KILN_LOG_QUIET}, {"--solo5:error", KILN_LOG_QUIET},
    {"--solo5:warn", KILN_LOG_WARN},   {"--solo5:info", KILN_LOG_INFO},
    {"--solo5:debug", KILN_LOG_DEBUG},
};

/* If p starts with the whole token (followed by a blank or the end), its length. */
static size_t match_token(const char *p, const char *token)
{
    size_t n = 0;
    while (token[n]) {
        if (p[n] != token[n])
            return 0;
        n++;
    }
    return (p[n] == '\0' || is_blank(p[n])) ? n : 0;
}

const char *kiln_cmdline_parse(const char *cmdline)
{
    const char *p = cmdline;

    if (p == NULL)
        return "";
    for (;;) {
        while (is_blank(*p))
            p++;
        /* The usual case, no token: decide on two characters (hvt is slow). */
        if (p[0] != '-' || p[1] != '-')
            return p;
        size_t n = 0;
        for (size_t i = 0; i < sizeof log_tokens / sizeof log_tokens[0]; i++) {
            n = match_token(p, log_tokens[i].token);
            if (n != 0) {
                kiln_log_level = log_tokens[i].level;
                break;
            }
        }
        if (n == 0)
            return p;
        p += n;
    }
}
