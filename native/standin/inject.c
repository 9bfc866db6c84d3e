/* Failure injection: KRUN_STANDIN_FAIL=<name>:<errno>[,<name>:<errno>...]. */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The errno of one `name:errno` entry (len bytes at entry), or 0 when it is malformed. */
static int32_t entry_errno(const char *entry, size_t len, const char *colon)
{
    char num[16];
    size_t dlen = len - (size_t)(colon + 1 - entry);
    if (dlen == 0 || dlen >= sizeof num)
        return 0;
    memcpy(num, colon + 1, dlen);
    num[dlen] = '\0';
    char *endp = NULL;
    errno = 0;
    long e = strtol(num, &endp, 10);
    if (*endp != '\0' || errno != 0 || e <= 0 || e >= 4096)
        return 0;
    return (int32_t)e;
}

/* 0, or -errno when KRUN_STANDIN_FAIL names this call. */
int32_t injected(const char *name)
{
    const char *spec = getenv("KRUN_STANDIN_FAIL");
    if (!spec || !*spec)
        return 0;
    size_t nlen = strlen(name);
    for (const char *p = spec; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *colon = memchr(p, ':', len);
        if (colon && (size_t)(colon - p) == nlen && memcmp(p, name, nlen) == 0) {
            int saved = errno;
            int32_t e = entry_errno(p, len, colon);
            errno = saved;
            if (e)
                return -e;
            logmsg(LOG_WARN,
                   "ignoring malformed KRUN_STANDIN_FAIL entry for %s "
                   "(expected <function>:<positive errno>)",
                   name);
            return 0;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    return 0;
}
