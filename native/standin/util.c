/* Small helpers of the stand-in: error text, writes, UTF-8, string arrays, paths. */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *errdesc(int e)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    /* Untranslated and allocation-free, so also safe in the cloned child. */
    const char *d = strerrordesc_np(e);
    return d ? d : "Unknown error";
#else
    return strerror(e);
#endif
}

void write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

/* The length of the UTF-8 sequence led by c and its payload bits, or 0 when c cannot
   lead one. */
static int utf8_lead(unsigned c, uint32_t *cp)
{
    if (c >= 0xc2 && c <= 0xdf) {
        *cp = c & 0x1f;
        return 1;
    }
    if (c >= 0xe0 && c <= 0xef) {
        *cp = c & 0x0f;
        return 2;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        *cp = c & 0x07;
        return 3;
    }
    return 0;
}

/* libkrun converts every C string to Rust UTF-8 and fails with -EINVAL when it is not. */
bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        if (*p < 0x80) {
            p++;
            continue;
        }
        int extra = utf8_lead(*p++, &cp);
        if (!extra)
            return false;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (*p & 0x3f);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)))
            return false;
    }
    return true;
}

size_t array_len(const char *const arr[])
{
    size_t n = 0;
    if (arr)
        while (arr[n])
            n++;
    return n;
}

void free_array(char **arr)
{
    if (!arr)
        return;
    for (size_t i = 0; arr[i]; i++)
        free(arr[i]);
    free(arr);
}

/* A deep, NULL-terminated copy; NULL in gives NULL out (and *ok stays true). */
char **copy_array(const char *const arr[], bool *ok)
{
    *ok = true;
    if (!arr)
        return NULL;
    size_t n = array_len(arr);
    char **out = calloc(n + 1, sizeof *out);
    if (!out) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = strdup(arr[i]);
        if (!out[i]) {
            free_array(out);
            *ok = false;
            return NULL;
        }
    }
    return out;
}

char *path_join(const char *a, const char *b)
{
    char *s = NULL;
    return asprintf(&s, "%s/%s", a, b) < 0 ? NULL : s;
}

bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
