/*
 * The plan rewriter: the init's plan names each share by virtio-fs tag; the stand-in hands
 * the init a copy in which every share it emulates is a bind mount instead.
 */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads the whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = b;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            int e = errno;
            if (got < 0) {
                free(buf);
                buf = NULL;
            }
            errno = e;
            break;
        }
        n += (size_t)got;
    }
    close(fd);
    *len = n;
    return buf;
}

/* The share whose tag is the tlen bytes at tag and whose host directory is present, or -1. */
static int find_share(const struct guest_share *shares, int nshares, const char *tag, size_t tlen)
{
    int found = -1;
    for (int i = 0; i < nshares; i++)
        if (shares[i].present && strlen(shares[i].tag) == tlen &&
            memcmp(shares[i].tag, tag, tlen) == 0)
            found = i;
    return found;
}

/* One line (llen bytes, with its newline if it has one) of the plan, rewritten into out. */
static void translate_line(const struct guest_share *shares, int nshares, const char *line,
                           size_t llen, struct rec *out)
{
    static const char kind[] = "virtiofs\t";
    const size_t dlen = 6, klen = sizeof kind - 1;
    size_t body = llen > 0 && line[llen - 1] == '\n' ? llen - 1 : llen;
    bool directive = body > dlen &&
                     (memcmp(line, "lower\t", dlen) == 0 || memcmp(line, "share\t", dlen) == 0);
    if (directive && body - dlen > klen && memcmp(line + dlen, kind, klen) == 0) {
        const char *tag = line + dlen + klen;
        const char *tag_end = memchr(tag, '\t', body - dlen - klen);
        size_t tlen = tag_end ? (size_t)(tag_end - tag) : body - dlen - klen;
        int found = find_share(shares, nshares, tag, tlen);
        if (found >= 0) {
            rec_put(out, line, dlen);
            rec_fmt(out, "bind\t/.standin/%d", found);
            rec_put(out, tag + tlen, llen - (size_t)(tag + tlen - line));
            return;
        }
    }
    rec_put(out, line, llen);
}

/*
 * The plan with every `virtiofs<TAB><tag>` of a `lower` or `share` line whose tag names a
 * present share rewritten as `bind<TAB>/.standin/<i>`. Other lines are copied as they are.
 * NULL when out of memory.
 */
char *translate_plan(const struct guest_share *shares, int nshares, const char *in, size_t len,
                     size_t *out_len)
{
    struct rec out;
    memset(&out, 0, sizeof out);
    rec_put(&out, "", 0);
    for (size_t pos = 0; pos < len;) {
        const char *line = in + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t llen = nl ? (size_t)(nl - line) + 1 : len - pos;
        translate_line(shares, nshares, line, llen, &out);
        pos += llen;
    }
    *out_len = out.len;
    return out.buf;
}
