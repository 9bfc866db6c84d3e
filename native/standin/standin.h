/*
 * Internals of the stand-in libkrun.so.1 shared by its source files (see api.c for what
 * the library as a whole does). Everything here is hidden: the library is built with
 * -fvisibility=hidden and only the calls marked API are exported.
 */
#ifndef STANDIN_H
#define STANDIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define API __attribute__((visibility("default")))

#define LOG_OFF   0
#define LOG_ERROR 1
#define LOG_WARN  2
#define LOG_INFO  3
#define LOG_DEBUG 4
#define LOG_TRACE 5

#define MAX_SHARES 8
/* virtio-blk devices: the guest sees them as /dev/vda, /dev/vdb ... in the order added. */
#define MAX_DISKS 4
/* Beyond this many bytes of envp, libkrun 1.19 aborts the process. */
#define ENV_BYTES_MAX 65536
/* The guest kernel panics with more argv or envp entries than this. */
#define CMDLINE_ENTRIES_MAX 32
/* libkrun reads at most this many entries of a string array. */
#define ARRAY_ENTRIES_MAX 4096

/* ---- Contexts (api.c) ---- */

struct share {
    char *tag;
    char *path;
    bool read_only;
};

struct disk {
    char *block_id;
    char *path;
    bool read_only;
};

struct ctx {
    char *root;
    char *workdir;
    char *exec_path;
    char **argv; /* arguments after argv[0]; NULL when none */
    char **envp; /* from krun_set_exec; NULL means "the host environment" */
    struct share shares[MAX_SHARES];
    int nshares;
    struct disk disks[MAX_DISKS];
    int ndisks;
    bool no_network; /* krun_disable_implicit_vsock was called: no TSI, only lo */
};

void free_ctx(struct ctx *c);

/* ---- Small helpers (util.c) ---- */

const char *errdesc(int e);
void write_all(int fd, const char *buf, size_t len);
bool valid_utf8(const char *s);
size_t array_len(const char *const arr[]);
void free_array(char **arr);
char **copy_array(const char *const arr[], bool *ok);
char *path_join(const char *a, const char *b);
bool is_dir(const char *path);

/* ---- Logging and the call record (record.c) ---- */

extern int g_log_fd;
extern uint32_t g_log_level;

const char *level_name(uint32_t level);
bool log_enabled(uint32_t level);
void logmsg(uint32_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A growable, always NUL-terminated buffer; a record line while a call runs. */
struct rec {
    char *buf;
    size_t len, cap;
    int nargs;
};

void rec_put(struct rec *r, const char *s, size_t n);
void rec_fmt(struct rec *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rec_start(struct rec *r, const char *name);
void rec_u(struct rec *r, uint64_t v);
void rec_i(struct rec *r, int64_t v);
void rec_b(struct rec *r, bool v);
void rec_s(struct rec *r, const char *s);
void rec_a(struct rec *r, const char *name, const char *const arr[]);
void rec_write(struct rec *r, const char *result);
int32_t rec_end(struct rec *r, int32_t rc);

/* ---- Failure injection (inject.c) ---- */

int32_t injected(const char *name);

/* ---- krun_start_enter (launch.c: the VMM side; guest.c: the cloned guest) ---- */

/*
 * Everything the cloned guest needs, prepared in the parent. The child is a raw clone of
 * a possibly multi-threaded process, so it must not allocate or take locks: it only makes
 * system calls on what is here.
 */
struct guest_share {
    const char *tag;
    char *target;     /* <root>/.standin/<i> */
    const char *host; /* host directory */
    bool read_only;
    bool present; /* host path is an existing directory: it gets a bind mount */
};

/* A disk emulated by a loop device, whose node the guest finds at /dev/vdX of its root. */
struct guest_disk {
    const char *host; /* the raw image on the host */
    char *node;       /* <root>/dev/vdX, made on a tmpfs private to the guest */
    bool read_only;
};

struct launch {
    const char *root;
    char *standin_dir; /* <root>/.standin */
    bool standin_existed;
    struct guest_share shares[MAX_SHARES];
    int nshares;
    struct guest_disk disks[MAX_DISKS];
    int ndisks;
    char *dev_dir;      /* <root>/dev: a tmpfs in the guest's namespace when it has disks */
    char *loop_control; /* <root>/dev/.loop-control, made there to find a free loop device */
    char *plan_path;    /* <root>/.krun/plan */
    char *plan_copy;    /* <root>/.standin/plan */
    char *plan;         /* the translated plan, or NULL to skip translation */
    size_t plan_len;
    const char *workdir;
    char **argv; /* exec_path, then the arguments */
    char **envp;
    bool no_network; /* a new, empty network namespace with only lo up */
    int tty_fd;      /* the controlling terminal among fds 0-2 when the VMM is in its
                        foreground; the guest takes the foreground, or -1 */
    int alive_fd;    /* read end of a pipe whose write end only the parent holds */
    int alive_wfd;
    int unshare_in_guest; /* namespaces the guest makes itself (CLONE_NEW* flags), when the
                             clone could not: see fork_into_new_pid_ns in launch.c */
};

int32_t start_enter(struct ctx *c, struct rec *r);
_Noreturn void guest_main(const struct launch *L);

/* ---- The plan rewriter (plan.c) ---- */

char *read_file(const char *path, size_t *len);
char *translate_plan(const struct guest_share *shares, int nshares, const char *in, size_t len,
                     size_t *out_len);

#endif
