/*
 * The library's log (libkrun's logger: off until krun_set_log_level or krun_init_log) and
 * the call record (KRUN_STANDIN_RECORD=<file>: one line per call appended).
 */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int g_log_fd = STDERR_FILENO;
uint32_t g_log_level = LOG_OFF;

const char *level_name(uint32_t level)
{
    switch (level) {
    case LOG_ERROR: return "ERROR";
    case LOG_WARN: return "WARN";
    case LOG_INFO: return "INFO";
    case LOG_DEBUG: return "DEBUG";
    default: return "TRACE";
    }
}

bool log_enabled(uint32_t level)
{
    return level != LOG_OFF && level <= g_log_level;
}

void logmsg(uint32_t level, const char *fmt, ...)
{
    if (!log_enabled(level))
        return;
    char buf[8192];
    int n = snprintf(buf, sizeof buf, "[standin %s] ", level_name(level));
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof buf - 2)
        len = sizeof buf - 2;
    buf[len++] = '\n';
    write_all(g_log_fd, buf, len);
}

void rec_put(struct rec *r, const char *s, size_t n)
{
    if (!r->buf && r->cap == SIZE_MAX)
        return; /* an earlier allocation failed */
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (r->len + n + 1 > cap)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b) {
            free(r->buf);
            r->buf = NULL;
            r->cap = SIZE_MAX;
            return;
        }
        r->buf = b;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, s, n);
    r->len += n;
    r->buf[r->len] = '\0';
}

void rec_fmt(struct rec *r, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        rec_put(r, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void rec_start(struct rec *r, const char *name)
{
    memset(r, 0, sizeof *r);
    rec_put(r, name, strlen(name));
    rec_put(r, "(", 1);
}

static void rec_sep(struct rec *r)
{
    if (r->nargs++)
        rec_put(r, ", ", 2);
}

void rec_u(struct rec *r, uint64_t v)
{
    rec_sep(r);
    rec_fmt(r, "%" PRIu64, v);
}

void rec_i(struct rec *r, int64_t v)
{
    rec_sep(r);
    rec_fmt(r, "%" PRId64, v);
}

void rec_b(struct rec *r, bool v)
{
    rec_sep(r);
    rec_put(r, v ? "true" : "false", v ? 4 : 5);
}

/* A string, quoted; `"` and `\` escaped, control bytes (and every non-ASCII byte when the
   string is not UTF-8) as \xNN, so that a record stays one readable line. */
void rec_s(struct rec *r, const char *s)
{
    rec_sep(r);
    if (!s) {
        rec_put(r, "NULL", 4);
        return;
    }
    bool utf8 = valid_utf8(s);
    rec_put(r, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            rec_put(r, e, 2);
        } else if (*p < 0x20 || *p == 0x7f || (*p >= 0x80 && !utf8)) {
            rec_fmt(r, "\\x%02x", *p);
        } else {
            rec_put(r, (const char *)p, 1);
        }
    }
    rec_put(r, "\"", 1);
}

/* An array is recorded as name=<number of entries> (or name=NULL), never its contents:
   environment values are secrets. */
void rec_a(struct rec *r, const char *name, const char *const arr[])
{
    rec_sep(r);
    if (!arr)
        rec_fmt(r, "%s=NULL", name);
    else
        rec_fmt(r, "%s=%zu", name, array_len(arr));
}

static void rec_append_to_file(struct rec *r)
{
    const char *path = getenv("KRUN_STANDIN_RECORD");
    if (!path || !*path)
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    rec_put(r, "\n", 1);
    if (r->buf)
        write_all(fd, r->buf, r->len);
    close(fd);
}

/* Ends the line with ") -> <result>", logs it at debug level and appends it to the record. */
void rec_write(struct rec *r, const char *result)
{
    rec_put(r, ") -> ", 5);
    rec_put(r, result, strlen(result));
    if (r->buf) {
        logmsg(LOG_DEBUG, "%s", r->buf);
        rec_append_to_file(r);
    }
    free(r->buf);
    r->buf = NULL;
}

int32_t rec_end(struct rec *r, int32_t rc)
{
    char num[16];
    snprintf(num, sizeof num, "%" PRId32, rc);
    int saved = errno;
    rec_write(r, num);
    errno = saved;
    return rc;
}
