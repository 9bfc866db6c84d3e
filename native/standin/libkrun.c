/*
 * A stand-in libkrun.so.1 for tests on hosts without KVM or libkrun.
 *
 * It exports the libkrun 1.19 calls the action uses, validates their arguments the way
 * libkrun does, records every call, and at krun_start_enter runs the configured program
 * (the real guest init, unmodified) as PID 1 of a private PID and mount namespace instead
 * of booting a VM. Each virtio-fs share is emulated by a bind mount: the init is handed
 * a translated plan in which `virtiofs<TAB>tag` becomes `bind<TAB>/.standin/<i>`.
 * The process then ends the way libkrun ends it: _exit with the guest's exit code, or
 * _exit(0) when the guest "panics".
 *
 * Test controls (environment of the calling process):
 *   KRUN_STANDIN_RECORD=<file>      append one line per call: name(args) -> result
 *   KRUN_STANDIN_FAIL=<name>:<errno>[,<name>:<errno>...]
 *                                   make that call return -errno and do nothing else
 *   KRUN_STANDIN_NO_BOOT=1          krun_start_enter simulates a guest kernel panic
 *
 * The record: strings quoted (`"` and `\` escaped, control bytes as \xNN), arrays as
 * name=<entries> or name=NULL (never their contents), then ` -> <int32 result>`. A
 * krun_start_enter that starts the guest is recorded when the process ends, as
 * ` -> exit <code>`; one that aborts as ` -> abort`. A process killed from outside
 * records no krun_start_enter line.
 *
 * libkrun behaviour kept on purpose: context ids start at 0; krun_start_enter consumes
 * its context even when it fails; paths that do not exist are accepted until the guest
 * runs (a missing root "panics": _exit(0)); envp over 64 KiB aborts; more than 32 argv or
 * envp entries "panic"; a program the guest cannot find exits 127, one it cannot execute
 * 126, a failed guest setup 125. krun_setuid/krun_setgid are recorded, not applied.
 *
 * Needs CAP_SYS_ADMIN (root) for the namespaces and mounts.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

#define LOG_OFF   0
#define LOG_ERROR 1
#define LOG_WARN  2
#define LOG_INFO  3
#define LOG_DEBUG 4
#define LOG_TRACE 5

#define MAX_SHARES 8
/* Beyond this many bytes of envp, libkrun 1.19 aborts the process. */
#define ENV_BYTES_MAX 65536
/* The guest kernel panics with more argv or envp entries than this. */
#define CMDLINE_ENTRIES_MAX 32
/* What KVM usually reports as KVM_CAP_MAX_VCPUS on x86-64. */
#define STANDIN_MAX_VCPUS 1024
/* The highest KRUN_FEATURE_* constant of libkrun 1.19. */
#define FEATURE_MAX 11

extern char **environ;

/* ------------------------------------------------------------------------------------ */
/* Contexts                                                                              */

struct share {
    char *tag;
    char *path;
    uint64_t shm_size;
    bool read_only;
};

struct ctx {
    uint8_t vcpus;
    uint32_t ram_mib;
    char *root;
    char *workdir;
    char *exec_path;
    char **argv;      /* arguments after argv[0]; NULL when none */
    char **exec_envp; /* from krun_set_exec; NULL means "the host environment" */
    char **env_envp;  /* from krun_set_env; NULL means "not given or the host environment" */
    struct share shares[MAX_SHARES];
    int nshares;
    char **rlimits;
    char *console_output;
    bool uid_set, gid_set;
    uid_t uid;
    gid_t gid;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ctx **g_ctxs;
static uint32_t g_nctxs; /* ids handed out so far; the next id is g_nctxs */

/* Logging: off until krun_set_log_level or krun_init_log, as in libkrun. */
static int g_log_fd = STDERR_FILENO;
static uint32_t g_log_level = LOG_OFF;

/* ------------------------------------------------------------------------------------ */
/* Small helpers                                                                         */

static const char *errdesc(int e)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    /* Untranslated and allocation-free, so also safe in the cloned child. */
    const char *d = strerrordesc_np(e);
    return d ? d : "Unknown error";
#else
    return strerror(e);
#endif
}

static void write_all(int fd, const char *buf, size_t len)
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

static const char *level_name(uint32_t level)
{
    switch (level) {
    case LOG_ERROR: return "ERROR";
    case LOG_WARN: return "WARN";
    case LOG_INFO: return "INFO";
    case LOG_DEBUG: return "DEBUG";
    default: return "TRACE";
    }
}

static bool log_enabled(uint32_t level)
{
    return level != LOG_OFF && level <= g_log_level;
}

__attribute__((format(printf, 2, 3))) static void logmsg(uint32_t level, const char *fmt, ...)
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

/* libkrun converts every C string to Rust UTF-8 and fails with -EINVAL when it is not. */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        int extra;
        uint32_t cp;
        if (c < 0x80) {
            p++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        p++;
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

static int check_str(const char *s)
{
    return (s && valid_utf8(s)) ? 0 : -EINVAL;
}

static int check_array(const char *const arr[])
{
    if (!arr)
        return 0;
    for (size_t i = 0; arr[i]; i++)
        if (!valid_utf8(arr[i]))
            return -EINVAL;
    return 0;
}

static size_t array_len(const char *const arr[])
{
    size_t n = 0;
    if (arr)
        while (arr[n])
            n++;
    return n;
}

static void free_array(char **arr)
{
    if (!arr)
        return;
    for (size_t i = 0; arr[i]; i++)
        free(arr[i]);
    free(arr);
}

/* A deep, NULL-terminated copy; NULL in gives NULL out (and *ok stays true). */
static char **copy_array(const char *const arr[], bool *ok)
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

static void free_ctx(struct ctx *c)
{
    if (!c)
        return;
    free(c->root);
    free(c->workdir);
    free(c->exec_path);
    free_array(c->argv);
    free_array(c->exec_envp);
    free_array(c->env_envp);
    for (int i = 0; i < c->nshares; i++) {
        free(c->shares[i].tag);
        free(c->shares[i].path);
    }
    free_array(c->rlimits);
    free(c->console_output);
    free(c);
}

/* Caller holds g_lock. */
static struct ctx *lookup(uint32_t id)
{
    return id < g_nctxs ? g_ctxs[id] : NULL;
}

/* Caller holds g_lock. Removes the context from the table and hands it over. */
static struct ctx *take(uint32_t id)
{
    struct ctx *c = lookup(id);
    if (c)
        g_ctxs[id] = NULL;
    return c;
}

/* ------------------------------------------------------------------------------------ */
/* Call record and failure injection                                                    */

struct rec {
    char *buf;
    size_t len, cap;
    int nargs;
};

static void rec_put(struct rec *r, const char *s, size_t n)
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

__attribute__((format(printf, 2, 3))) static void rec_fmt(struct rec *r, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        rec_put(r, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void rec_start(struct rec *r, const char *name)
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

static void rec_u(struct rec *r, uint64_t v)
{
    rec_sep(r);
    rec_fmt(r, "%" PRIu64, v);
}

static void rec_i(struct rec *r, int64_t v)
{
    rec_sep(r);
    rec_fmt(r, "%" PRId64, v);
}

static void rec_b(struct rec *r, bool v)
{
    rec_sep(r);
    rec_put(r, v ? "true" : "false", v ? 4 : 5);
}

/* A string, quoted; `"` and `\` escaped, control bytes (and every non-ASCII byte when the
   string is not UTF-8) as \xNN, so that a record stays one readable line. */
static void rec_s(struct rec *r, const char *s)
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
static void rec_a(struct rec *r, const char *name, const char *const arr[])
{
    rec_sep(r);
    if (!arr)
        rec_fmt(r, "%s=NULL", name);
    else
        rec_fmt(r, "%s=%zu", name, array_len(arr));
}

static void rec_write(struct rec *r, const char *result)
{
    rec_put(r, ") -> ", 5);
    rec_put(r, result, strlen(result));
    if (r->buf) {
        logmsg(LOG_DEBUG, "%s", r->buf);
        const char *path = getenv("KRUN_STANDIN_RECORD");
        if (path && *path) {
            int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
            if (fd >= 0) {
                rec_put(r, "\n", 1);
                if (r->buf)
                    write_all(fd, r->buf, r->len);
                close(fd);
            }
        }
    }
    free(r->buf);
    r->buf = NULL;
}

static int32_t rec_end(struct rec *r, int32_t rc)
{
    char num[16];
    snprintf(num, sizeof num, "%" PRId32, rc);
    int saved = errno;
    rec_write(r, num);
    errno = saved;
    return rc;
}

/* 0, or -errno when KRUN_STANDIN_FAIL names this call. */
static int32_t injected(const char *name)
{
    const char *spec = getenv("KRUN_STANDIN_FAIL");
    if (!spec || !*spec)
        return 0;
    size_t nlen = strlen(name);
    const char *p = spec;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *colon = memchr(p, ':', len);
        if (colon && (size_t)(colon - p) == nlen && memcmp(p, name, nlen) == 0) {
            char num[16];
            size_t dlen = len - (size_t)(colon + 1 - p);
            char *endp = NULL;
            long e = 0;
            if (dlen > 0 && dlen < sizeof num) {
                memcpy(num, colon + 1, dlen);
                num[dlen] = '\0';
                errno = 0;
                e = strtol(num, &endp, 10);
            }
            if (endp && *endp == '\0' && errno == 0 && e > 0 && e < 4096)
                return (int32_t)-e;
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

/* ------------------------------------------------------------------------------------ */
/* Logging and general calls                                                             */

API int32_t krun_set_log_level(uint32_t level)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, level);
    int32_t rc = injected(__func__);
    if (!rc) {
        if (level > LOG_TRACE) {
            rc = -EINVAL;
        } else {
            pthread_mutex_lock(&g_lock);
            g_log_level = level;
            g_log_fd = STDERR_FILENO;
            pthread_mutex_unlock(&g_lock);
        }
    }
    return rec_end(&r, rc);
}

API int32_t krun_init_log(int target_fd, uint32_t level, uint32_t style, uint32_t options)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_i(&r, target_fd);
    rec_u(&r, level);
    rec_u(&r, style);
    rec_u(&r, options);
    int32_t rc = injected(__func__);
    if (!rc) {
        /* target -1 is KRUN_LOG_TARGET_DEFAULT (stderr); styles 0..2; option bit 1 only. */
        if (level > LOG_TRACE || style > 2 || (options & ~1u) || target_fd < -1) {
            rc = -EINVAL;
        } else {
            pthread_mutex_lock(&g_lock);
            g_log_level = level;
            g_log_fd = target_fd == -1 ? STDERR_FILENO : target_fd;
            pthread_mutex_unlock(&g_lock);
        }
    }
    return rec_end(&r, rc);
}

API int32_t krun_create_ctx(void)
{
    struct rec r;
    rec_start(&r, __func__);
    int32_t rc = injected(__func__);
    if (!rc) {
        struct ctx *c = calloc(1, sizeof *c);
        pthread_mutex_lock(&g_lock);
        struct ctx **t =
                c && g_nctxs < INT32_MAX ? realloc(g_ctxs, (g_nctxs + 1) * sizeof *g_ctxs) : NULL;
        if (!t) {
            free(c);
            rc = -ENOMEM;
        } else {
            g_ctxs = t;
            c->vcpus = 1;
            c->ram_mib = 512;
            g_ctxs[g_nctxs] = c;
            rc = (int32_t)g_nctxs++;
        }
        pthread_mutex_unlock(&g_lock);
    }
    return rec_end(&r, rc);
}

API int32_t krun_free_ctx(uint32_t ctx_id)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    int32_t rc = injected(__func__);
    if (!rc) {
        pthread_mutex_lock(&g_lock);
        struct ctx *c = take(ctx_id);
        pthread_mutex_unlock(&g_lock);
        if (c)
            free_ctx(c);
        else
            rc = -ENOENT;
    }
    return rec_end(&r, rc);
}

API int32_t krun_get_max_vcpus(void)
{
    struct rec r;
    rec_start(&r, __func__);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = STANDIN_MAX_VCPUS;
    return rec_end(&r, rc);
}

API int32_t krun_check_nested_virt(void)
{
    struct rec r;
    rec_start(&r, __func__);
    int32_t rc = injected(__func__);
    /* 0: supported by nothing here. */
    return rec_end(&r, rc);
}

API int32_t krun_has_feature(uint64_t feature)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, feature);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = feature > FEATURE_MAX ? -EINVAL : 0; /* a build with no optional features */
    return rec_end(&r, rc);
}

API int32_t krun_get_default_init(const uint8_t **data_out, size_t *len_out)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_s(&r, data_out ? "<ptr>" : NULL);
    rec_s(&r, len_out ? "<ptr>" : NULL);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = (!data_out || !len_out) ? -EINVAL : -ENOTSUP; /* no init blob in this build */
    return rec_end(&r, rc);
}

/* ------------------------------------------------------------------------------------ */
/* Configuration calls                                                                   */

/* The common shape: validate, find the context, apply `fn` under the lock. */
typedef int32_t (*apply_fn)(struct ctx *c, const void *arg);

static int32_t with_ctx(uint32_t ctx_id, apply_fn fn, const void *arg)
{
    pthread_mutex_lock(&g_lock);
    struct ctx *c = lookup(ctx_id);
    int32_t rc = c ? fn(c, arg) : -ENOENT;
    pthread_mutex_unlock(&g_lock);
    return rc;
}

static int32_t replace_string(char **slot, const char *value)
{
    char *s = strdup(value);
    if (!s)
        return -ENOMEM;
    free(*slot);
    *slot = s;
    return 0;
}

static int32_t noop_apply(struct ctx *c, const void *arg)
{
    (void)c;
    (void)arg;
    return 0;
}

struct vm_config_arg {
    uint8_t vcpus;
    uint32_t ram;
};

static int32_t vm_config_apply(struct ctx *c, const void *arg)
{
    const struct vm_config_arg *a = arg;
    c->vcpus = a->vcpus;
    c->ram_mib = a->ram;
    return 0;
}

API int32_t krun_set_vm_config(uint32_t ctx_id, uint8_t num_vcpus, uint32_t ram_mib)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_u(&r, num_vcpus);
    rec_u(&r, ram_mib);
    int32_t rc = injected(__func__);
    if (!rc) {
        struct vm_config_arg a = {num_vcpus, ram_mib};
        rc = (num_vcpus == 0 || ram_mib == 0) ? -EINVAL : with_ctx(ctx_id, vm_config_apply, &a);
    }
    return rec_end(&r, rc);
}

static int32_t root_apply(struct ctx *c, const void *arg)
{
    /* A path that does not exist is accepted, exactly like libkrun does. */
    return replace_string(&c->root, arg);
}

API int32_t krun_set_root(uint32_t ctx_id, const char *root_path)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_s(&r, root_path);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_str(root_path);
    if (!rc)
        rc = with_ctx(ctx_id, root_apply, root_path);
    return rec_end(&r, rc);
}

static int32_t workdir_apply(struct ctx *c, const void *arg)
{
    return replace_string(&c->workdir, arg);
}

API int32_t krun_set_workdir(uint32_t ctx_id, const char *workdir_path)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_s(&r, workdir_path);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_str(workdir_path);
    if (!rc)
        rc = with_ctx(ctx_id, workdir_apply, workdir_path);
    return rec_end(&r, rc);
}

struct exec_arg {
    const char *path;
    const char *const *argv;
    const char *const *envp;
};

static int32_t exec_apply(struct ctx *c, const void *arg)
{
    const struct exec_arg *a = arg;
    bool ok1, ok2;
    char *path = strdup(a->path);
    char **argv = copy_array(a->argv, &ok1);
    char **envp = copy_array(a->envp, &ok2);
    if (!path || !ok1 || !ok2) {
        free(path);
        free_array(argv);
        free_array(envp);
        return -ENOMEM;
    }
    free(c->exec_path);
    free_array(c->argv);
    free_array(c->exec_envp);
    c->exec_path = path;
    c->argv = argv;
    c->exec_envp = envp;
    return 0;
}

API int32_t krun_set_exec(uint32_t ctx_id, const char *exec_path, const char *const argv[],
                          const char *const envp[])
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_s(&r, exec_path);
    rec_a(&r, "argv", argv);
    rec_a(&r, "envp", envp);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_str(exec_path);
    if (!rc)
        rc = check_array(argv);
    if (!rc)
        rc = check_array(envp);
    if (!rc) {
        struct exec_arg a = {exec_path, argv, envp};
        rc = with_ctx(ctx_id, exec_apply, &a);
    }
    return rec_end(&r, rc);
}

static int32_t env_apply(struct ctx *c, const void *arg)
{
    bool ok;
    char **envp = copy_array(arg, &ok);
    if (!ok)
        return -ENOMEM;
    free_array(c->env_envp);
    c->env_envp = envp;
    return 0;
}

API int32_t krun_set_env(uint32_t ctx_id, const char *const envp[])
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_a(&r, "envp", envp);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_array(envp);
    if (!rc)
        rc = with_ctx(ctx_id, env_apply, envp);
    return rec_end(&r, rc);
}

struct fs_arg {
    const char *tag;
    const char *path;
    uint64_t shm;
    bool ro;
};

static int32_t fs_apply(struct ctx *c, const void *arg)
{
    const struct fs_arg *a = arg;
    for (int i = 0; i < c->nshares; i++)
        if (strcmp(c->shares[i].tag, a->tag) == 0)
            return -EEXIST;
    if (c->nshares >= MAX_SHARES)
        return -ENOSPC;
    char *tag = strdup(a->tag), *path = strdup(a->path);
    if (!tag || !path) {
        free(tag);
        free(path);
        return -ENOMEM;
    }
    /* A host path that does not exist is accepted, exactly like libkrun does. */
    c->shares[c->nshares++] = (struct share){tag, path, a->shm, a->ro};
    return 0;
}

static int32_t add_fs(const char *name, uint32_t ctx_id, const char *tag, const char *path,
                      uint64_t shm, bool ro, int nargs)
{
    struct rec r;
    rec_start(&r, name);
    rec_u(&r, ctx_id);
    rec_s(&r, tag);
    rec_s(&r, path);
    if (nargs >= 4)
        rec_u(&r, shm);
    if (nargs >= 5)
        rec_b(&r, ro);
    int32_t rc = injected(name);
    if (!rc)
        rc = check_str(tag);
    if (!rc)
        rc = check_str(path);
    if (!rc) {
        struct fs_arg a = {tag, path, shm, ro};
        rc = with_ctx(ctx_id, fs_apply, &a);
    }
    return rec_end(&r, rc);
}

API int32_t krun_add_virtiofs(uint32_t ctx_id, const char *c_tag, const char *c_path)
{
    return add_fs(__func__, ctx_id, c_tag, c_path, 0, false, 3);
}

API int32_t krun_add_virtiofs2(uint32_t ctx_id, const char *c_tag, const char *c_path,
                               uint64_t shm_size)
{
    return add_fs(__func__, ctx_id, c_tag, c_path, shm_size, false, 4);
}

API int32_t krun_add_virtiofs3(uint32_t ctx_id, const char *c_tag, const char *c_path,
                               uint64_t shm_size, bool read_only)
{
    return add_fs(__func__, ctx_id, c_tag, c_path, shm_size, read_only, 5);
}

static int32_t rlimits_apply(struct ctx *c, const void *arg)
{
    bool ok;
    char **rl = copy_array(arg, &ok);
    if (!ok)
        return -ENOMEM;
    free_array(c->rlimits);
    c->rlimits = rl;
    return 0;
}

API int32_t krun_set_rlimits(uint32_t ctx_id, const char *const rlimits[])
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_a(&r, "rlimits", rlimits);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = rlimits ? check_array(rlimits) : -EINVAL;
    if (!rc)
        rc = with_ctx(ctx_id, rlimits_apply, rlimits);
    return rec_end(&r, rc);
}

/* "host_port:guest_port", both 1..65535 decimal. */
static bool valid_port_pair(const char *s)
{
    for (int part = 0; part < 2; part++) {
        unsigned long v = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9') {
            v = v * 10 + (unsigned long)(*s++ - '0');
            if (++digits > 5)
                return false;
        }
        if (digits == 0 || v > 65535)
            return false;
        if (part == 0 && *s++ != ':')
            return false;
    }
    return *s == '\0';
}

API int32_t krun_set_port_map(uint32_t ctx_id, const char *const port_map[])
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_a(&r, "port_map", port_map);
    int32_t rc = injected(__func__);
    /* NULL means "expose every port", an empty array "expose none": both are valid. */
    for (size_t i = 0; !rc && port_map && port_map[i]; i++)
        if (!valid_port_pair(port_map[i]))
            rc = -EINVAL;
    if (!rc)
        rc = with_ctx(ctx_id, noop_apply, NULL);
    return rec_end(&r, rc);
}

static int32_t ctx_only(const char *name, uint32_t ctx_id)
{
    struct rec r;
    rec_start(&r, name);
    rec_u(&r, ctx_id);
    int32_t rc = injected(name);
    if (!rc)
        rc = with_ctx(ctx_id, noop_apply, NULL);
    return rec_end(&r, rc);
}

API int32_t krun_disable_implicit_vsock(uint32_t ctx_id)
{
    return ctx_only(__func__, ctx_id);
}

API int32_t krun_disable_implicit_console(uint32_t ctx_id)
{
    return ctx_only(__func__, ctx_id);
}

API int32_t krun_disable_implicit_init(uint32_t ctx_id)
{
    return ctx_only(__func__, ctx_id);
}

static int32_t ctx_bool(const char *name, uint32_t ctx_id, bool v)
{
    struct rec r;
    rec_start(&r, name);
    rec_u(&r, ctx_id);
    rec_b(&r, v);
    int32_t rc = injected(name);
    if (!rc)
        rc = with_ctx(ctx_id, noop_apply, NULL);
    return rec_end(&r, rc);
}

API int32_t krun_set_nested_virt(uint32_t ctx_id, bool enabled)
{
    return ctx_bool(__func__, ctx_id, enabled);
}

API int32_t krun_split_irqchip(uint32_t ctx_id, bool enable)
{
    return ctx_bool(__func__, ctx_id, enable);
}

API int32_t krun_set_gpu_options(uint32_t ctx_id, uint32_t virgl_flags)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_u(&r, virgl_flags);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = with_ctx(ctx_id, noop_apply, NULL);
    return rec_end(&r, rc);
}

static int32_t console_apply(struct ctx *c, const void *arg)
{
    return replace_string(&c->console_output, arg);
}

API int32_t krun_set_console_output(uint32_t ctx_id, const char *c_filepath)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_s(&r, c_filepath);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_str(c_filepath);
    if (!rc)
        rc = with_ctx(ctx_id, console_apply, c_filepath);
    return rec_end(&r, rc);
}

static int32_t uid_apply(struct ctx *c, const void *arg)
{
    c->uid = *(const uid_t *)arg;
    c->uid_set = true;
    return 0;
}

static int32_t gid_apply(struct ctx *c, const void *arg)
{
    c->gid = *(const gid_t *)arg;
    c->gid_set = true;
    return 0;
}

API int32_t krun_setuid(uint32_t ctx_id, uid_t uid)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_u(&r, uid);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = with_ctx(ctx_id, uid_apply, &uid);
    return rec_end(&r, rc);
}

API int32_t krun_setgid(uint32_t ctx_id, gid_t gid)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_u(&r, gid);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = with_ctx(ctx_id, gid_apply, &gid);
    return rec_end(&r, rc);
}

/* ------------------------------------------------------------------------------------ */
/* krun_start_enter                                                                      */

/*
 * Everything the cloned guest needs, prepared in the parent. The child is a raw clone of
 * a possibly multi-threaded process, so it must not allocate or take locks: it only makes
 * system calls on what is here.
 */
struct guest_share {
    char *target;     /* <root>/.standin/<i> */
    const char *host; /* host directory */
    bool read_only;
    bool present; /* host path is an existing directory: it gets a bind mount */
};

struct launch {
    const char *root;
    char *standin_dir; /* <root>/.standin */
    bool standin_existed;
    struct guest_share shares[MAX_SHARES];
    int nshares;
    char *plan_path; /* <root>/.krun/plan */
    char *plan_copy; /* <root>/.standin/plan */
    char *plan;      /* the translated plan, or NULL to skip translation */
    size_t plan_len;
    const char *workdir;
    char **argv; /* exec_path, then the arguments */
    char **envp;
    int console_fd; /* -1 unless krun_set_console_output */
    int null_fd;    /* /dev/null, the console's stdin; -1 when no console file */
    struct {
        int resource;
        struct rlimit lim;
    } rlimits[64];
    int nrlimits;
    int tty_fd;   /* the controlling terminal among fds 0-2 when the VMM is in its
                           foreground; the guest takes the foreground, or -1 */
    int alive_fd; /* read end of a pipe whose write end only the parent holds */
    int alive_wfd;
};

/* A line for the tester, from the child: always on stderr, and on the log target too.
   The parts are plain strings, ended by NULL (no formatting: nothing here allocates). */
static void child_say(uint32_t level, ...)
{
    char buf[PATH_MAX * 2 + 256];
    size_t n = 0;
    va_list ap;
    va_start(ap, level);
    const char *head[] = {"[standin ", level_name(level), "] "};
    for (size_t i = 0;; i++) {
        const char *p = i < 3 ? head[i] : va_arg(ap, const char *);
        if (!p)
            break;
        size_t l = strlen(p);
        if (l > sizeof buf - 1 - n)
            l = sizeof buf - 1 - n;
        memcpy(buf + n, p, l);
        n += l;
    }
    va_end(ap);
    buf[n++] = '\n';
    write_all(STDERR_FILENO, buf, n);
    if (g_log_fd != STDERR_FILENO && log_enabled(level))
        write_all(g_log_fd, buf, n);
}

/* A setup step failed: say which, on which path, and end like a failed init (125). */
__attribute__((noreturn)) static void child_fail(const char *op, const char *path, int err)
{
    if (path)
        child_say(LOG_ERROR, "guest setup: ", op, " ", path, ": ", errdesc(err), NULL);
    else
        child_say(LOG_ERROR, "guest setup: ", op, ": ", errdesc(err), NULL);
    _exit(125);
}

static void remount_read_only(const char *target)
{
#ifdef SYS_mount_setattr
    struct {
        uint64_t attr_set, attr_clr, propagation, userns_fd;
    } attr = {0x1 /* RDONLY */, 0, 0, 0};
    if (syscall(SYS_mount_setattr, AT_FDCWD, target, 0x8000 /* AT_RECURSIVE */, &attr,
                sizeof attr) == 0)
        return;
    if (errno != ENOSYS)
        child_fail("mount_setattr read-only", target, errno);
#endif
    if (mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
        child_fail("remount read-only", target, errno);
}

static void mark_fds_cloexec(void)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */) == 0)
        return;
#endif
    struct rlimit rl;
    rlim_t max = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_cur : 1024;
    if (max == RLIM_INFINITY || max > 1u << 20)
        max = 1u << 20;
    for (int fd = 3; (rlim_t)fd < max; fd++)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
}

__attribute__((noreturn)) static void guest_main(const struct launch *L)
{
    /* Die with the VMM, like a guest dies with its VM; and catch a VMM already gone. */
    close(L->alive_wfd);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        child_fail("prctl PR_SET_PDEATHSIG", NULL, errno);
    struct pollfd pfd = {.fd = L->alive_fd, .events = POLLIN};
    if (poll(&pfd, 1, 0) != 0)
        _exit(125);
    close(L->alive_fd);

    /* Signals are all blocked (the parent blocked them around clone); reset the
       dispositions while nothing can arrive. */
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(sig, &sa, NULL); /* fails harmlessly for the C library's own signals */
    }

    /* The guest's console foreground process group. On a terminal it must also be the
       terminal's foreground group, or an interactive guest shell reading it would be
       stopped by SIGTTIN (a real guest has a console of its own). */
    setpgid(0, 0);
    if (L->tty_fd >= 0 && tcsetpgrp(L->tty_fd, getpgrp()) != 0)
        child_say(LOG_WARN,
                  "guest setup: cannot make the guest the terminal's foreground: ", errdesc(errno),
                  NULL);

    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        child_fail("make mounts private", "/", errno);
    if (mkdir(L->standin_dir, 0700) != 0 && errno != EEXIST)
        child_fail("mkdir", L->standin_dir, errno);
    if (mount("standin", L->standin_dir, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0700") != 0)
        child_fail("mount tmpfs", L->standin_dir, errno);

    for (int i = 0; i < L->nshares; i++) {
        const struct guest_share *s = &L->shares[i];
        if (mkdir(s->target, 0755) != 0)
            child_fail("mkdir", s->target, errno);
        if (!s->present)
            continue;
        if (mount(s->host, s->target, NULL, MS_BIND | MS_REC, NULL) != 0)
            child_fail("bind mount", s->host, errno);
        if (s->read_only)
            remount_read_only(s->target);
    }

    if (L->plan) {
        int fd = open(L->plan_copy, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            child_fail("create", L->plan_copy, errno);
        const char *p = L->plan;
        size_t left = L->plan_len;
        while (left > 0) {
            ssize_t n = write(fd, p, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                child_fail("write", L->plan_copy, errno);
            p += n;
            left -= (size_t)n;
        }
        close(fd);
        if (mount(L->plan_copy, L->plan_path, NULL, MS_BIND, NULL) != 0)
            child_fail("bind mount", L->plan_path, errno);
    }

    if (chroot(L->root) != 0)
        child_fail("chroot", L->root, errno);
    if (chdir("/") != 0)
        child_fail("chdir", "/", errno);
    if (L->workdir && *L->workdir && chdir(L->workdir) != 0)
        child_fail("chdir", L->workdir, errno);

    for (int i = 0; i < L->nrlimits; i++)
        if (setrlimit(L->rlimits[i].resource, &L->rlimits[i].lim) != 0)
            child_say(LOG_WARN, "guest setup: setrlimit: ", errdesc(errno), NULL);

    if (L->console_fd >= 0) {
        if (dup2(L->null_fd, STDIN_FILENO) < 0 || dup2(L->console_fd, STDOUT_FILENO) < 0 ||
            dup2(L->console_fd, STDERR_FILENO) < 0)
            child_fail("redirect console", NULL, errno);
    }
    /* The guest's console is the process's fds 0-2. Node marks its stdio close-on-exec
       and makes its pipes non-blocking; real libkrun never execs and copies the console
       itself, so neither matters there. Here the guest writes to these descriptions
       directly, so they must survive exec and block like a console (else a full pipe
       fails the guest's writes with EAGAIN). The caller never runs JS again. */
    for (int fd = 0; fd <= 2; fd++) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0 && (flags & FD_CLOEXEC))
            fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_NONBLOCK))
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    mark_fds_cloexec();

    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(L->argv[0], L->argv, L->envp);
    int err = errno;
    child_say(LOG_ERROR, "guest: execve ", L->argv[0], ": ", errdesc(err), NULL);
    /* What libkrun's own init reports: 127 not found, 126 cannot execute. */
    _exit(err == ENOENT ? 127 : 126);
}

static volatile sig_atomic_t g_guest_pgid;

static void forward_sigint(int sig)
{
    (void)sig;
    int saved = errno;
    if (g_guest_pgid > 0)
        kill(-(pid_t)g_guest_pgid, SIGINT); /* Ctrl-C on the guest console */
    errno = saved;
}

__attribute__((noreturn)) static void vm_exit(struct rec *r, int code, uint32_t level,
                                              const char *why)
{
    char res[32];
    snprintf(res, sizeof res, "exit %d", code);
    rec_write(r, res);
    logmsg(level, "%s", why);
    _exit(code);
}

__attribute__((noreturn)) static void guest_panic(struct rec *r, const char *what)
{
    char res[32];
    snprintf(res, sizeof res, "exit %d", 0);
    rec_write(r, res);
    logmsg(LOG_ERROR, "guest kernel panic: %s", what);
    _exit(0);
}

static char *path_join(const char *a, const char *b)
{
    char *s = NULL;
    return asprintf(&s, "%s/%s", a, b) < 0 ? NULL : s;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Reads the whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
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
        if (got < 0) {
            int e = errno;
            free(buf);
            buf = NULL;
            errno = e;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    *len = n;
    return buf;
}

/*
 * The plan with every `virtiofs<TAB><tag>` of a `lower` or `share` line whose tag names a
 * present share rewritten as `bind<TAB>/.standin/<i>`. Other lines are copied as they are.
 */
static char *translate_plan(const struct ctx *c, const struct launch *L, const char *in, size_t len,
                            size_t *out_len)
{
    struct rec out; /* reused as a growable buffer */
    memset(&out, 0, sizeof out);
    rec_put(&out, "", 0);
    size_t pos = 0;
    while (pos < len) {
        const char *line = in + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t llen = nl ? (size_t)(nl - line) + 1 : len - pos;
        size_t body = nl ? llen - 1 : llen;
        pos += llen;

        size_t dlen = 0;
        if (body > 6 && (memcmp(line, "lower\t", 6) == 0 || memcmp(line, "share\t", 6) == 0))
            dlen = 6;
        if (dlen && body - dlen > 9 && memcmp(line + dlen, "virtiofs\t", 9) == 0) {
            const char *tag = line + dlen + 9;
            const char *tag_end = memchr(tag, '\t', body - dlen - 9);
            size_t tlen = tag_end ? (size_t)(tag_end - tag) : body - dlen - 9;
            int found = -1;
            for (int i = 0; i < c->nshares; i++)
                if (L->shares[i].present && strlen(c->shares[i].tag) == tlen &&
                    memcmp(c->shares[i].tag, tag, tlen) == 0)
                    found = i;
            if (found >= 0) {
                rec_put(&out, line, dlen);
                rec_fmt(&out, "bind\t/.standin/%d", found);
                rec_put(&out, tag + tlen, llen - (size_t)(tag + tlen - line));
                continue;
            }
        }
        rec_put(&out, line, llen);
    }
    *out_len = out.len;
    return out.buf;
}

static void free_launch(struct launch *L)
{
    free(L->standin_dir);
    for (int i = 0; i < L->nshares; i++)
        free(L->shares[i].target);
    free(L->plan_path);
    free(L->plan_copy);
    free(L->plan);
    free(L->argv);
    if (L->console_fd >= 0)
        close(L->console_fd);
    if (L->null_fd >= 0)
        close(L->null_fd);
}

static int32_t start_enter(struct ctx *c, struct rec *r)
{
    if (!c->root || !c->exec_path) {
        logmsg(LOG_ERROR, "krun_start_enter: %s was never set",
               !c->root ? "the root (krun_set_root)" : "the program (krun_set_exec)");
        return -EINVAL;
    }

    /* The environment: krun_set_env if given, else krun_set_exec's, else the host's. */
    char **envp = c->env_envp ? c->env_envp : c->exec_envp ? c->exec_envp : environ;
    size_t nenv = array_len((const char *const *)envp);
    size_t nargs = array_len((const char *const *)c->argv);
    size_t env_bytes = 0;
    for (size_t i = 0; i < nenv; i++)
        env_bytes += strlen(envp[i]) + 1;

    if (env_bytes > ENV_BYTES_MAX) {
        /* libkrun aborts here instead of returning; its panic message bypasses the logger. */
        char msg[160];
        int n = snprintf(msg, sizeof msg,
                         "[standin ERROR] envp holds %zu bytes, over %d: aborting as libkrun "
                         "does\n",
                         env_bytes, ENV_BYTES_MAX);
        write_all(STDERR_FILENO, msg, (size_t)n);
        rec_write(r, "abort");
        abort();
    }
    if (nargs > CMDLINE_ENTRIES_MAX || nenv > CMDLINE_ENTRIES_MAX) {
        char what[128];
        snprintf(what, sizeof what, "%zu %s on the kernel command line (at most %d)",
                 nargs > CMDLINE_ENTRIES_MAX ? nargs : nenv,
                 nargs > CMDLINE_ENTRIES_MAX ? "arguments" : "environment entries",
                 CMDLINE_ENTRIES_MAX);
        guest_panic(r, what);
    }
    const char *no_boot = getenv("KRUN_STANDIN_NO_BOOT");
    if (no_boot && *no_boot && strcmp(no_boot, "0") != 0)
        guest_panic(r, "simulated boot failure");
    struct stat st;
    int root_err = stat(c->root, &st) != 0 ? errno : !S_ISDIR(st.st_mode) ? ENOTDIR : 0;
    if (root_err) {
        /* libkrun accepted the path; the guest then finds no root file system. */
        char what[PATH_MAX + 64];
        snprintf(what, sizeof what, "VFS: unable to mount root fs (host directory %s: %s)", c->root,
                 errdesc(root_err));
        guest_panic(r, what);
    }
    if (c->uid_set || c->gid_set)
        logmsg(LOG_WARN, "krun_setuid/krun_setgid are recorded but not applied");

    struct launch L;
    memset(&L, 0, sizeof L);
    L.console_fd = L.null_fd = L.alive_fd = L.alive_wfd = -1;
    L.root = c->root;
    L.workdir = c->workdir;
    L.envp = envp;
    L.nshares = c->nshares;
    L.standin_dir = path_join(c->root, ".standin");
    L.plan_path = path_join(c->root, ".krun/plan");
    L.plan_copy = path_join(c->root, ".standin/plan");
    L.argv = calloc(nargs + 2, sizeof *L.argv);
    bool oom = !L.standin_dir || !L.plan_path || !L.plan_copy || !L.argv;
    for (int i = 0; i < c->nshares && !oom; i++) {
        struct guest_share *s = &L.shares[i];
        if (asprintf(&s->target, "%s/.standin/%d", c->root, i) < 0) {
            s->target = NULL;
            oom = true;
            break;
        }
        s->host = c->shares[i].path;
        s->read_only = c->shares[i].read_only;
        s->present = is_dir(s->host);
        if (!s->present)
            logmsg(LOG_WARN,
                   "virtio-fs share \"%s\": host directory %s is missing; the "
                   "guest cannot mount it",
                   c->shares[i].tag, s->host);
    }
    if (oom) {
        free_launch(&L);
        return -ENOMEM;
    }
    L.argv[0] = c->exec_path;
    for (size_t i = 0; i < nargs; i++)
        L.argv[i + 1] = c->argv[i];

    L.standin_existed = lstat(L.standin_dir, &st) == 0;

    size_t plan_len = 0;
    char *plan = read_file(L.plan_path, &plan_len);
    if (plan) {
        L.plan = translate_plan(c, &L, plan, plan_len, &L.plan_len);
        free(plan);
        if (!L.plan) {
            free_launch(&L);
            return -ENOMEM;
        }
    } else if (errno != ENOENT) {
        logmsg(LOG_WARN, "cannot read %s (%s); the plan is not translated", L.plan_path,
               errdesc(errno));
    }

    for (size_t i = 0; c->rlimits && c->rlimits[i]; i++) {
        unsigned long long id, cur, max;
        char tail;
        if (sscanf(c->rlimits[i], "%llu=%llu:%llu%c", &id, &cur, &max, &tail) != 3 ||
            L.nrlimits >= (int)(sizeof L.rlimits / sizeof L.rlimits[0])) {
            logmsg(LOG_WARN, "rlimit entry %zu is not ID=CUR:MAX; ignored", i);
            continue;
        }
        L.rlimits[L.nrlimits].resource = (int)id;
        L.rlimits[L.nrlimits].lim.rlim_cur = (rlim_t)cur;
        L.rlimits[L.nrlimits].lim.rlim_max = (rlim_t)max;
        L.nrlimits++;
    }

    if (c->console_output) {
        /* The whole console goes to this file; stdin is ignored. */
        L.console_fd = open(c->console_output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        L.null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (L.console_fd < 0 || L.null_fd < 0) {
            int e = errno;
            logmsg(LOG_ERROR, "cannot open console output %s: %s", c->console_output, errdesc(e));
            free_launch(&L);
            return -e;
        }
    }

    L.tty_fd = -1;
    for (int fd = 0; fd <= 2 && L.console_fd < 0; fd++) {
        if (isatty(fd) && tcgetpgrp(fd) == getpgrp()) {
            L.tty_fd = fd;
            break;
        }
    }

    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        int e = errno;
        free_launch(&L);
        return -e;
    }
    L.alive_fd = pipefd[0];
    L.alive_wfd = pipefd[1];

    logmsg(LOG_INFO, "starting guest %s in %s with %d virtio-fs share(s)", c->exec_path, c->root,
           c->nshares);

    struct sigaction sa, old_sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward_sigint;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_sa);
    /* waitpid needs the exit status: a caller that ignores SIGCHLD would lose it. */
    struct sigaction dfl, old_chld;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, NULL, &old_chld);
    if (old_chld.sa_handler == SIG_IGN || (old_chld.sa_flags & SA_NOCLDWAIT))
        sigaction(SIGCHLD, &dfl, NULL);

    sigset_t all, old_mask;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old_mask);
    /* A fork-like raw clone (no new stack): the child is PID 1 of a new PID namespace,
       with a private copy of the mount namespace. */
    long pid =
            syscall(SYS_clone, (unsigned long)(CLONE_NEWNS | CLONE_NEWPID | SIGCHLD), 0, 0, 0, 0);
    if (pid == 0)
        guest_main(&L);
    int clone_err = errno;
    if (pid > 0) {
        setpgid((pid_t)pid, (pid_t)pid); /* also done by the child; whichever runs first */
        g_guest_pgid = (sig_atomic_t)pid;
    }
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    close(L.alive_fd);
    L.alive_fd = -1;

    if (pid < 0) {
        sigaction(SIGINT, &old_sa, NULL);
        sigaction(SIGCHLD, &old_chld, NULL);
        logmsg(LOG_ERROR, "cannot start the guest: clone: %s%s", errdesc(clone_err),
               clone_err == EPERM ? " (the stand-in needs CAP_SYS_ADMIN)" : "");
        close(L.alive_wfd);
        free_launch(&L);
        return -clone_err;
    }

    int status;
    while (waitpid((pid_t)pid, &status, 0) < 0) {
        if (errno != EINTR) {
            status = 0;
            break;
        }
    }
    if (!L.standin_existed)
        rmdir(L.standin_dir); /* empty on the host: the tmpfs lived in the guest's namespace */
    if (L.tty_fd >= 0) {
        /* Take the terminal back for the caller's process group (SIGTTOU blocked: this
           process is in the background now). */
        sigset_t ttou;
        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        pthread_sigmask(SIG_BLOCK, &ttou, NULL);
        tcsetpgrp(L.tty_fd, getpgrp());
    }

    char why[96];
    if (WIFEXITED(status)) {
        snprintf(why, sizeof why, "guest exited with code %d", WEXITSTATUS(status));
        vm_exit(r, WEXITSTATUS(status), LOG_INFO, why);
    }
    snprintf(why, sizeof why,
             "guest init killed by signal %d: exiting 0 as libkrun does "
             "after a guest panic",
             WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    vm_exit(r, 0, LOG_INFO, why);
}

API int32_t krun_start_enter(uint32_t ctx_id)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    int32_t rc = injected(__func__);
    if (rc)
        return rec_end(&r, rc);
    /* The call consumes the context, whether or not the guest starts. */
    pthread_mutex_lock(&g_lock);
    struct ctx *c = take(ctx_id);
    pthread_mutex_unlock(&g_lock);
    if (!c)
        return rec_end(&r, -ENOENT);
    rc = start_enter(c, &r);
    free_ctx(c);
    return rec_end(&r, rc);
}
