/*
 * A stand-in libkrun.so.1 for tests on hosts without KVM or libkrun.
 *
 * It exports exactly the libkrun calls the action makes, plus the one its version probe
 * looks for (krun_check_nested_virt, always 0): the rows of src/engine/host/libkrun-symbols.ts
 * marked standin, as native/Makefile's EXPORTS lists them. Built with
 * -DSTANDIN_LIBKRUN_1_16 it imitates libkrun 1.16 instead: without the newer ones, and without krun_add_disk2 (a build without the block
 * device feature).
 *
 * Each call validates its arguments the way libkrun does (strings must be UTF-8, a context
 * must exist, port map entries must be "HOST:GUEST" port pairs) and is recorded. At
 * krun_start_enter, instead of booting a VM, it runs the configured program (the real
 * guest init, unmodified) as PID 1 of a private PID and mount namespace chrooted into the
 * root (launch.c, guest.c). Each virtio-fs share is emulated by a bind mount: the init is
 * handed a translated plan in which `virtiofs<TAB>tag` becomes `bind<TAB>/.standin/<i>`
 * (plan.c). Each disk is a loop device the guest attaches itself, whose node it finds at
 * /dev/vda, /dev/vdb ... (in the order added) on a tmpfs private to the guest, as a libkrun
 * guest finds its virtio-blk devices in its devtmpfs; the loop device detaches itself when
 * the guest ends (guest.c). The guest shares the host's network namespace, as libkrun's TSI reaches the
 * runner's loopback; after krun_disable_implicit_vsock it gets a new, empty network
 * namespace whose only interface, lo, is up. SIGINT to the process is passed to the
 * guest's process group, as a Ctrl-C on its console. The process then ends the way libkrun
 * ends it: _exit with the guest's exit code, or _exit(0) when the guest "panics".
 *
 * Test controls (environment of the calling process):
 *   KRUN_STANDIN_RECORD=<file>      append one line per call: name(args) -> result
 *   KRUN_STANDIN_FAIL=<name>:<errno>[,<name>:<errno>...]
 *                                   make that call return -errno and do nothing else
 *   KRUN_STANDIN_NO_BOOT=1          krun_start_enter simulates a guest kernel panic
 *
 * The record (record.c): strings quoted (`"` and `\` escaped, control bytes as \xNN),
 * booleans as true/false, arrays as name=<entries> or name=NULL (never their contents),
 * then ` -> <int32 result>`. A krun_start_enter that starts the guest is recorded when the
 * process ends, as ` -> exit <code>`; one that aborts as ` -> abort`. A process killed
 * from outside records no krun_start_enter line.
 *
 * libkrun behaviour kept on purpose: context ids start at 0; krun_start_enter consumes
 * its context even when it fails; paths that do not exist are accepted until the guest
 * runs (a missing root "panics": _exit(0)); envp over 64 KiB aborts; more than 32 argv or
 * envp entries "panic"; a program the guest cannot find exits 127, one it cannot execute
 * 126, a failed guest setup 125.
 *
 * Needs CAP_SYS_ADMIN (root) for the namespaces and mounts.
 */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ctx **g_ctxs;
static uint32_t g_nctxs; /* ids handed out so far; the next id is g_nctxs */

/* ---- Validation, as libkrun does it ---- */

static int32_t check_str(const char *s)
{
    return (s && valid_utf8(s)) ? 0 : -EINVAL;
}

static int32_t check_array(const char *const arr[])
{
    if (!arr)
        return 0;
    for (size_t i = 0; arr[i]; i++)
        if (!valid_utf8(arr[i]))
            return -EINVAL;
    return 0;
}

/* A port as Rust's u16 parses it: an optional '+', then decimal digits up to 65535. */
static long parse_port(const char *s, size_t len)
{
    if (len > 0 && *s == '+') {
        s++;
        len--;
    }
    if (len == 0)
        return -1;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
        if (v > 65535)
            return -1;
    }
    return v;
}

/* The number of entries, or -EINVAL: each entry "HOST:GUEST", no guest port and no host
   port twice. NULL (expose every port) is valid, and so is an empty array (expose none). */
static long check_port_map(const char *const map[])
{
    static long host[ARRAY_ENTRIES_MAX], guest[ARRAY_ENTRIES_MAX];
    long n = 0;
    for (; map && map[n] && n < ARRAY_ENTRIES_MAX; n++) {
        const char *s = map[n], *colon = strchr(s, ':');
        if (!valid_utf8(s) || !colon || strchr(colon + 1, ':'))
            return -EINVAL;
        host[n] = parse_port(s, (size_t)(colon - s));
        guest[n] = parse_port(colon + 1, strlen(colon + 1));
        if (host[n] < 0 || guest[n] < 0)
            return -EINVAL;
        for (long i = 0; i < n; i++)
            if (host[i] == host[n] || guest[i] == guest[n])
                return -EINVAL;
    }
    return n;
}

/* ---- Contexts ---- */

void free_ctx(struct ctx *c)
{
    if (!c)
        return;
    free(c->root);
    free(c->workdir);
    free(c->exec_path);
    free_array(c->argv);
    free_array(c->envp);
    for (int i = 0; i < c->nshares; i++) {
        free(c->shares[i].tag);
        free(c->shares[i].path);
    }
    for (int i = 0; i < c->ndisks; i++) {
        free(c->disks[i].block_id);
        free(c->disks[i].path);
    }
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

/* The common shape: find the context, apply `fn` under the lock. */
typedef int32_t (*apply_fn)(struct ctx *c, const void *arg);

/* For calls whose settings a launch in namespaces has no use for: the context must exist. */
static int32_t keep_ctx(struct ctx *c, const void *arg)
{
    (void)c;
    (void)arg;
    return 0;
}

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

/* ---- Logging and general calls ---- */

static void set_log(int fd, uint32_t level)
{
    pthread_mutex_lock(&g_lock);
    g_log_level = level;
    g_log_fd = fd;
    pthread_mutex_unlock(&g_lock);
}

API int32_t krun_set_log_level(uint32_t level)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, level);
    int32_t rc = injected(__func__);
    if (!rc && level > LOG_TRACE)
        rc = -EINVAL;
    if (!rc)
        set_log(STDERR_FILENO, level);
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
    /* target -1 is KRUN_LOG_TARGET_DEFAULT (stderr); styles 0..2; option bit 1 only. */
    if (!rc && (level > LOG_TRACE || style > 2 || (options & ~1u) || target_fd < -1))
        rc = -EINVAL;
    if (!rc)
        set_log(target_fd == -1 ? STDERR_FILENO : target_fd, level);
    return rec_end(&r, rc);
}

static int32_t new_ctx(void)
{
    struct ctx *c = calloc(1, sizeof *c);
    int32_t rc;
    pthread_mutex_lock(&g_lock);
    struct ctx **t =
            c && g_nctxs < INT32_MAX ? realloc(g_ctxs, (g_nctxs + 1) * sizeof *g_ctxs) : NULL;
    if (!t) {
        free(c);
        rc = -ENOMEM;
    } else {
        g_ctxs = t;
        g_ctxs[g_nctxs] = c;
        rc = (int32_t)g_nctxs++;
    }
    pthread_mutex_unlock(&g_lock);
    return rc;
}

API int32_t krun_create_ctx(void)
{
    struct rec r;
    rec_start(&r, __func__);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = new_ctx();
    return rec_end(&r, rc);
}

/* Present in every libkrun from 1.12: what the action's version probe looks for. */
API int32_t krun_check_nested_virt(void)
{
    struct rec r;
    rec_start(&r, __func__);
    int32_t rc = injected(__func__);
    /* 0: supported by nothing here. */
    return rec_end(&r, rc);
}

/* ---- Configuration calls ---- */

API int32_t krun_set_vm_config(uint32_t ctx_id, uint8_t num_vcpus, uint32_t ram_mib)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_u(&r, num_vcpus);
    rec_u(&r, ram_mib);
    int32_t rc = injected(__func__);
    if (!rc && (num_vcpus == 0 || ram_mib == 0))
        rc = -EINVAL;
    if (!rc)
        rc = with_ctx(ctx_id, keep_ctx, NULL);
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
    free_array(c->envp);
    c->exec_path = path;
    c->argv = argv;
    c->envp = envp;
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
    c->shares[c->nshares++] = (struct share){tag, path, a->ro};
    return 0;
}

/* nargs: 3 for krun_add_virtiofs, 5 for krun_add_virtiofs3 (what the record shows). */
static int32_t add_fs(const char *name, uint32_t ctx_id, const struct fs_arg *a, int nargs)
{
    struct rec r;
    rec_start(&r, name);
    rec_u(&r, ctx_id);
    rec_s(&r, a->tag);
    rec_s(&r, a->path);
    if (nargs >= 5) {
        rec_u(&r, a->shm);
        rec_b(&r, a->ro);
    }
    int32_t rc = injected(name);
    if (!rc)
        rc = check_str(a->tag);
    if (!rc)
        rc = check_str(a->path);
    if (!rc)
        rc = with_ctx(ctx_id, fs_apply, a);
    return rec_end(&r, rc);
}

API int32_t krun_add_virtiofs(uint32_t ctx_id, const char *c_tag, const char *c_path)
{
    struct fs_arg a = {c_tag, c_path, 0, false};
    return add_fs(__func__, ctx_id, &a, 3);
}

#ifndef STANDIN_LIBKRUN_1_16
API int32_t krun_add_virtiofs3(uint32_t ctx_id, const char *c_tag, const char *c_path,
                               uint64_t shm_size, bool read_only)
{
    struct fs_arg a = {c_tag, c_path, shm_size, read_only};
    return add_fs(__func__, ctx_id, &a, 5);
}
#endif

#ifndef STANDIN_LIBKRUN_1_16
/* libkrun's KRUN_DISK_FORMAT_RAW: the only format the stand-in (and this action) uses. */
#define DISK_FORMAT_RAW 0
#define DISK_FORMAT_MAX 2

struct disk_arg {
    const char *block_id;
    const char *path;
    bool ro;
};

static int32_t disk_apply(struct ctx *c, const void *arg)
{
    const struct disk_arg *a = arg;
    for (int i = 0; i < c->ndisks; i++)
        if (strcmp(c->disks[i].block_id, a->block_id) == 0)
            return -EEXIST;
    if (c->ndisks >= MAX_DISKS)
        return -ENOSPC;
    char *id = strdup(a->block_id), *path = strdup(a->path);
    if (!id || !path) {
        free(id);
        free(path);
        return -ENOMEM;
    }
    c->disks[c->ndisks++] = (struct disk){id, path, a->ro};
    return 0;
}

API int32_t krun_add_disk2(uint32_t ctx_id, const char *block_id, const char *disk_path,
                           uint32_t disk_format, bool read_only)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_s(&r, block_id);
    rec_s(&r, disk_path);
    rec_u(&r, disk_format);
    rec_b(&r, read_only);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = check_str(block_id);
    if (!rc)
        rc = check_str(disk_path);
    if (!rc && disk_format > DISK_FORMAT_MAX)
        rc = -EINVAL;
    /* The stand-in emulates raw images only; libkrun would also open qcow2 and vmdk. */
    if (!rc && disk_format != DISK_FORMAT_RAW)
        rc = -EOPNOTSUPP;
    if (!rc) {
        struct disk_arg a = {block_id, disk_path, read_only};
        rc = with_ctx(ctx_id, disk_apply, &a);
    }
    return rec_end(&r, rc);
}
#endif

API int32_t krun_set_port_map(uint32_t ctx_id, const char *const port_map[])
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    rec_a(&r, "port_map", port_map);
    int32_t rc = injected(__func__);
    if (!rc) {
        pthread_mutex_lock(&g_lock); /* check_port_map's scratch tables */
        long n = check_port_map(port_map);
        pthread_mutex_unlock(&g_lock);
        rc = n < 0 ? (int32_t)n : with_ctx(ctx_id, keep_ctx, NULL);
    }
    return rec_end(&r, rc);
}

#ifndef STANDIN_LIBKRUN_1_16
static int32_t no_network_apply(struct ctx *c, const void *arg)
{
    (void)arg;
    c->no_network = true;
    return 0;
}

API int32_t krun_disable_implicit_vsock(uint32_t ctx_id)
{
    struct rec r;
    rec_start(&r, __func__);
    rec_u(&r, ctx_id);
    int32_t rc = injected(__func__);
    if (!rc)
        rc = with_ctx(ctx_id, no_network_apply, NULL);
    return rec_end(&r, rc);
}
#endif

/* ---- krun_start_enter ---- */

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
