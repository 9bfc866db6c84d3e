/*
 * krun-init: the init inside the krun-action guest.
 *
 * It builds the workload's root (a read-only lower, optionally a prepared layer
 * from a read-only disk, an overlay whose upper is a tmpfs or a disk, the shares,
 * proc, sys and dev), runs the workload there, forwards
 * signals to it, reaps children, and records how the workload ended.
 * native/README.md ("The guest protocol") is the contract implemented here.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guest-protocol.h"

/* Inside RW_DIR, the tmpfs the init mounts: the host never sees these. */
#define UPPER_DIR RW_DIR "/upper"
#define WORK_DIR  RW_DIR "/work"
/* A layer disk holds its layer in this directory, beside the overlay's work directory. */
#define MIDDLE_LAYER    MIDDLE_DIR "/upper"
#define OVERLAY_OPTIONS "lowerdir=" LOWER_DIR ",upperdir=" UPPER_DIR ",workdir=" WORK_DIR
#define OVERLAY_OPTIONS_MIDDLE                                                                     \
    "lowerdir=" MIDDLE_LAYER ":" LOWER_DIR ",upperdir=" UPPER_DIR ",workdir=" WORK_DIR
#define DISK_FS_TYPE "ext4"

#define EXIT_INIT_ERROR  125
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND   127

struct share {
    const char *kind, *source, *path;
    bool ro;
};

static struct {
    const char *lower_kind, *lower_source;
    const char *upper_disk, *middle_disk; /* block devices, or NULL */
    struct share *shares;
    size_t nshares;
    const char *workdir, *script;
    char **argv;
    size_t argc;
    /* The user the workload runs as (the "user" directive); without one it stays root. */
    bool has_user;
    uid_t uid;
    gid_t gid;
    gid_t *groups;
    size_t ngroups;
    const char *groups_text;
} plan;

/* A directory that guest paths are resolved in, and the prefix that names it in messages. */
struct root {
    int fd;
    const char *prefix;
};

static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= n;
    }
    return 0;
}

/* Writes one line on stderr and in INIT_ERROR_FILE (best effort), then exits. */
static _Noreturn void die_line(int code, const char *line)
{
    write_all(STDERR_FILENO, line, strlen(line));
    int fd = open(INIT_ERROR_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        write_all(fd, line, strlen(line));
        fsync(fd);
        close(fd);
    }
    _exit(code);
}

static const char out_of_memory[] = "krun-init: allocate memory: Cannot allocate memory\n";

/* "krun-init: <op> <path>: <reason>" */
static _Noreturn void die(int code, const char *op, const char *path, const char *reason)
{
    char *line;
    if (asprintf(&line, "krun-init: %s %s: %s\n", op, path, reason) < 0)
        die_line(code, out_of_memory);
    die_line(code, line);
}

/* "krun-init: <what>: <reason>", for a failure that names no path. */
static _Noreturn void die_msg(int code, const char *what, const char *reason)
{
    char *line;
    if (asprintf(&line, "krun-init: %s: %s\n", what, reason) < 0)
        die_line(code, out_of_memory);
    die_line(code, line);
}

static _Noreturn void die_errno(const char *op, const char *path)
{
    die(EXIT_INIT_ERROR, op, path, strerror(errno));
}

/* A signal could not be passed on: one line on stderr, and the init goes on. */
static void warn_forward(int sig, int err)
{
    const char *name = sigabbrev_np(sig);
    char line[160];
    int n = snprintf(line, sizeof line, "krun-init: forward SIG%s to the workload: %s\n",
                     name ? name : "?", strerror(err));
    if (n > 0)
        write_all(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

static char *fmt(const char *format, ...)
{
    va_list ap;
    char *s;
    va_start(ap, format);
    int n = vasprintf(&s, format, ap);
    va_end(ap);
    if (n < 0)
        die_line(EXIT_INIT_ERROR, out_of_memory);
    return s;
}

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p)
        die_line(EXIT_INIT_ERROR, out_of_memory);
    return p;
}

/* The whole file, NUL-terminated (the terminator is not counted in *len). */
static char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die_errno("open", path);
    size_t cap = 64 * 1024, n = 0;
    char *buf = xrealloc(NULL, cap);
    for (;;) {
        if (cap - n < 2)
            buf = xrealloc(buf, cap *= 2);
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            die_errno("read", path);
        }
        if (r == 0)
            break;
        n += r;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static _Noreturn void bad_plan(unsigned line, const char *reason)
{
    die(EXIT_INIT_ERROR, "parse", line ? fmt(PLAN_FILE " line %u", line) : PLAN_FILE, reason);
}

static void check_kind(unsigned line, const char *kind)
{
    if (strcmp(kind, SHARE_VIRTIOFS) != 0 && strcmp(kind, "bind") != 0)
        bad_plan(line, fmt("unknown kind \"%s\"", kind));
}

static void check_absolute(unsigned line, const char *path)
{
    if (path[0] != '/')
        bad_plan(line, fmt("path \"%s\" is not absolute", path));
}

/* An id as the plan writes it: decimal digits, no sign or leading zero, at most 2^31-1. */
static unsigned parse_id(unsigned line, const char *text)
{
    unsigned long value = 0;
    const char *p = text;
    for (; *p >= '0' && *p <= '9' && p - text < 10; p++)
        value = value * 10 + (unsigned long)(*p - '0');
    if (p == text || *p || (text[0] == '0' && text[1]) || value > 0x7fffffffUL)
        bad_plan(line, fmt("id \"%s\" is not a number from 0 to 2147483647", text));
    return (unsigned)value;
}

/* "user UID GID GROUPS": GROUPS is "-" or gids separated by commas. */
static void parse_user(unsigned line, char **f)
{
    if (plan.has_user)
        bad_plan(line, "second user");
    plan.has_user = true;
    plan.uid = parse_id(line, f[1]);
    plan.gid = parse_id(line, f[2]);
    plan.groups_text = f[3];
    if (strcmp(f[3], "-") == 0)
        return;
    for (char *item = f[3];;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        plan.groups = xrealloc(plan.groups, (plan.ngroups + 1) * sizeof *plan.groups);
        plan.groups[plan.ngroups++] = parse_id(line, item);
        if (!comma)
            break;
        *comma = ',';
        item = comma + 1;
    }
}

static void parse_directive(unsigned line, char **f, size_t nf)
{
    static const struct {
        const char *name;
        size_t fields;
    } directives[] = {
            {PLAN_LOWER, 2}, {PLAN_SHARE, 4}, {PLAN_WORKDIR, 1}, {PLAN_SCRIPT, 1},
            {PLAN_ARG, 1},   {PLAN_USER, 3},  {PLAN_UPPER, 1},   {PLAN_MIDDLE, 1},
    };
    size_t i = 0;
    while (i < sizeof directives / sizeof directives[0] && strcmp(f[0], directives[i].name) != 0)
        i++;
    if (i == sizeof directives / sizeof directives[0])
        bad_plan(line, fmt("unknown directive \"%s\"", f[0]));
    if (nf - 1 != directives[i].fields)
        bad_plan(line, fmt("%s takes %zu fields, not %zu", f[0], directives[i].fields, nf - 1));

    if (strcmp(f[0], PLAN_LOWER) == 0) {
        if (plan.lower_kind)
            bad_plan(line, "second lower");
        check_kind(line, f[1]);
        /* Bind sources are mounted after a change of directory, so they must be absolute. */
        if (strcmp(f[1], "bind") == 0)
            check_absolute(line, f[2]);
        plan.lower_kind = f[1];
        plan.lower_source = f[2];
    } else if (strcmp(f[0], PLAN_SHARE) == 0) {
        check_kind(line, f[1]);
        if (strcmp(f[1], "bind") == 0)
            check_absolute(line, f[2]);
        check_absolute(line, f[3]);
        if (strcmp(f[4], SHARE_RW) != 0 && strcmp(f[4], SHARE_RO) != 0)
            bad_plan(line, fmt("share mode \"%s\" is neither rw nor ro", f[4]));
        plan.shares = xrealloc(plan.shares, (plan.nshares + 1) * sizeof *plan.shares);
        plan.shares[plan.nshares++] = (struct share){f[1], f[2], f[3], strcmp(f[4], SHARE_RO) == 0};
    } else if (strcmp(f[0], PLAN_UPPER) == 0 || strcmp(f[0], PLAN_MIDDLE) == 0) {
        const char **disk = strcmp(f[0], PLAN_UPPER) == 0 ? &plan.upper_disk : &plan.middle_disk;
        if (*disk)
            bad_plan(line, fmt("second %s", f[0]));
        check_absolute(line, f[1]);
        *disk = f[1];
    } else if (strcmp(f[0], PLAN_WORKDIR) == 0) {
        if (plan.workdir)
            bad_plan(line, "second workdir");
        check_absolute(line, f[1]);
        plan.workdir = f[1];
    } else if (strcmp(f[0], PLAN_SCRIPT) == 0) {
        if (plan.script)
            bad_plan(line, "second script");
        check_absolute(line, f[1]);
        const char *base = strrchr(f[1], '/') + 1;
        if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
            bad_plan(line, fmt("script path \"%s\" does not name a file", f[1]));
        plan.script = f[1];
    } else if (strcmp(f[0], PLAN_USER) == 0) {
        parse_user(line, f);
    } else {
        plan.argv = xrealloc(plan.argv, (plan.argc + 2) * sizeof *plan.argv);
        plan.argv[plan.argc++] = f[1];
        plan.argv[plan.argc] = NULL;
    }
}

static void read_plan(void)
{
    size_t len;
    char *p = read_file(PLAN_FILE, &len);
    if (memchr(p, '\0', len))
        bad_plan(0, "contains a NUL byte");
    for (unsigned line = 1; *p; line++) {
        char *end = strchr(p, '\n');
        if (!end)
            bad_plan(line, "not ended by a newline");
        *end = '\0';
        char *f[6];
        size_t nf = 0;
        for (char *s = p;;) {
            char *tab = strchr(s, '\t');
            if (nf < sizeof f / sizeof f[0])
                f[nf] = s;
            nf++;
            if (!tab)
                break;
            *tab = '\0';
            s = tab + 1;
        }
        /* nf counts every field of the line (the directive's name too); f keeps the first
           six, more than any directive takes, and parse_directive checks nf before it
           reads past f[0]. */
        parse_directive(line, f, nf);
        p = end + 1;
    }
    if (!plan.lower_kind)
        bad_plan(0, "no lower");
    if (!plan.argc)
        bad_plan(0, "no arg");
    if (!plan.workdir)
        plan.workdir = "/";
}

/* The entries point into the file's buffer: each already ends with its NUL. */
static char **read_env(void)
{
    size_t len, count = 0;
    char *buf = read_file(ENV_FILE, &len);
    if (len > 0 && buf[len - 1] != '\0')
        die(EXIT_INIT_ERROR, "parse", ENV_FILE, "last entry not ended by a NUL byte");
    for (size_t i = 0; i < len; i++)
        count += buf[i] == '\0';
    char **envp = xrealloc(NULL, (count + 1) * sizeof *envp);
    for (size_t i = 0, k = 0; k < count; k++) {
        char *entry = buf + i;
        if (entry[0] == '=' || !strchr(entry, '='))
            die(EXIT_INIT_ERROR, "parse", ENV_FILE, fmt("entry %zu is not KEY=VALUE", k + 1));
        envp[k] = entry;
        i += strlen(entry) + 1;
    }
    envp[count] = NULL;
    return envp;
}

/*
 * Opens a directory with its path resolved as if r were "/": an absolute
 * symlink in the guest's image (say /var/run -> /run) then stays inside the
 * merged root instead of reaching the init's own root.
 */
static int open_in(const struct root *r, const char *path)
{
    struct open_how how = {
            .flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
            .resolve = RESOLVE_IN_ROOT,
    };
    return (int)syscall(SYS_openat2, r->fd, path, &how, sizeof how);
}

/* mkdir -p inside r (new directories 0755); returns the directory opened with O_PATH. */
static int dir_in(const struct root *r, const char *path)
{
    char *p = fmt("%s", path), *s = p;
    int dir = open_in(r, "/");
    if (dir < 0)
        die_errno("open", fmt("%s/", r->prefix));
    for (;;) {
        while (*s == '/')
            s++;
        if (!*s)
            break;
        char *end = s + strcspn(s, "/"), saved = *end;
        *end = '\0';
        int made = mkdirat(dir, s, 0755), err = errno;
        close(dir);
        dir = open_in(r, p);
        if (dir < 0) {
            bool mkdir_failed = made < 0 && err != EEXIST;
            if (mkdir_failed)
                errno = err;
            die_errno(mkdir_failed ? "mkdir" : "open", fmt("%s%s", r->prefix, p));
        }
        *end = saved;
        s = end;
    }
    free(p);
    return dir;
}

/*
 * Mounts on a directory inside r (made when missing). The mount goes on "."
 * after fchdir, so the target is the directory dir_in resolved, not a path
 * looked up again from the init's root. With MS_REMOUNT, the directory is
 * opened after the mount, so "." is the mount's root.
 */
static int try_mount_in(const struct root *r, const char *path, const char *src, const char *type,
                        unsigned long flags, const char *data)
{
    int dir = dir_in(r, path), ret = -1, err;
    if (flags & MS_REMOUNT) {
        /* A bind remount must keep these flags, or a user namespace refuses it. */
        static const struct {
            unsigned long st, ms;
        } keep[] = {
                {ST_NOSUID, MS_NOSUID},         {ST_NODEV, MS_NODEV},
                {ST_NOEXEC, MS_NOEXEC},         {ST_NOATIME, MS_NOATIME},
                {ST_NODIRATIME, MS_NODIRATIME}, {ST_RELATIME, MS_RELATIME},
        };
        struct statvfs sv;
        if (fstatvfs(dir, &sv) < 0)
            goto out;
        for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
            if (sv.f_flag & keep[i].st)
                flags |= keep[i].ms;
    }
    if (fchdir(dir) < 0)
        goto out;
    ret = mount(src, ".", type, flags, data);
out:
    err = errno;
    close(dir);
    if (chdir("/") < 0)
        die_errno("chdir", "/");
    errno = err;
    return ret;
}

static void mount_in(const struct root *r, const char *path, const char *src, const char *type,
                     unsigned long flags, const char *data)
{
    if (try_mount_in(r, path, src, type, flags, data) < 0) {
        if (flags & MS_REMOUNT)
            die_errno("remount", fmt("%s%s", r->prefix, path));
        die_errno("mount", fmt("%s on %s%s", src, r->prefix, path));
    }
}

static void attach(const struct root *r, const char *path, const char *kind, const char *src,
                   bool ro)
{
    if (strcmp(kind, SHARE_VIRTIOFS) == 0) {
        mount_in(r, path, src, "virtiofs", ro ? MS_RDONLY : 0, NULL);
        return;
    }
    mount_in(r, path, src, NULL, MS_BIND | MS_REC, NULL);
    if (ro)
        mount_in(r, path, NULL, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);
}

static void copy_script(const struct root *r, const char *text, size_t len)
{
    char *parent = fmt("%s", plan.script), *slash = strrchr(parent, '/');
    const char *base = plan.script + (slash - parent) + 1;
    slash[1] = '\0';
    int dir = dir_in(r, parent);
    char *where = fmt("%s%s", r->prefix, plan.script);
    int fd = openat(dir, base, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0700);
    if (fd < 0)
        die_errno("open", where);
    if (fchmod(fd, 0700) < 0)
        die_errno("chmod", where);
    /* The script is the workload's own: readable by the user it runs as. */
    if (plan.has_user && fchown(fd, plan.uid, plan.gid) < 0)
        die_errno("chown", where);
    if (write_all(fd, text, len) < 0)
        die_errno("write", where);
    if (close(fd) < 0)
        die_errno("close", where);
    close(dir);
    free(parent);
    free(where);
}

/*
 * Overlayfs copies a base file or directory up into the upper layer before its first change,
 * and copy-up takes only ENOTTY or EINVAL from the lower layer's FS_IOC_GETFLAGS as "no
 * attributes". libkrun's virtio-fs server answers EOPNOTSUPP in releases without the fix
 * of libkrun issue 867: then every change to an existing base file or directory fails,
 * while new files in the root still work. Setting one base directory's mode to the mode it
 * has copies it up into the throwaway upper layer and changes nothing else, so a broken
 * copy-up fails here, in one line that names it, instead of later in whatever the
 * commands touch first. A base with no directory has nothing to copy up.
 */
static void check_copy_up(const struct root *merged)
{
    int fd = openat(merged->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = fd < 0 ? NULL : fdopendir(fd);
    if (!dir)
        die_errno("open", ROOT_DIR);
    struct dirent *entry;
    struct stat st;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
            fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode))
            continue;
        if (fchmodat(fd, name, st.st_mode & 07777, 0) == 0)
            break;
        int err = errno;
        const char *cause = strerror(err);
        if (err == EOPNOTSUPP)
            die_line(EXIT_INIT_ERROR,
                     fmt("krun-init: the base filesystem cannot be changed through the overlay "
                         "(copy-up failed: %s): this libkrun's virtio-fs has the bug of libkrun "
                         "issue 867; use a libkrun with its fix\n",
                         cause));
        die_line(EXIT_INIT_ERROR,
                 fmt("krun-init: the base filesystem cannot be changed through the overlay "
                     "(copy-up of /%s failed: %s)\n",
                     name, cause));
    }
    closedir(dir);
}

static void build_root(const char *script, size_t script_len)
{
    struct root init = {open("/", O_PATH | O_DIRECTORY | O_CLOEXEC), ""};
    if (init.fd < 0)
        die_errno("open", "/");
    attach(&init, LOWER_DIR, plan.lower_kind, plan.lower_source, true);
    if (plan.middle_disk)
        mount_in(&init, MIDDLE_DIR, plan.middle_disk, DISK_FS_TYPE, MS_RDONLY, NULL);
    /* A disk upper keeps what earlier runs left in it: upper and work are made only once. */
    if (plan.upper_disk)
        mount_in(&init, RW_DIR, plan.upper_disk, DISK_FS_TYPE, 0, NULL);
    else
        mount_in(&init, RW_DIR, "tmpfs", "tmpfs", 0, "mode=0755");
    close(dir_in(&init, UPPER_DIR));
    close(dir_in(&init, WORK_DIR));
    mount_in(&init, ROOT_DIR, "overlay", "overlay", 0,
             plan.middle_disk ? OVERLAY_OPTIONS_MIDDLE : OVERLAY_OPTIONS);

    struct root merged = {open_in(&init, ROOT_DIR), ROOT_DIR};
    if (merged.fd < 0)
        die_errno("open", ROOT_DIR);
    check_copy_up(&merged);
    for (size_t i = 0; i < plan.nshares; i++) {
        const struct share *s = &plan.shares[i];
        attach(&merged, s->path, s->kind, s->source, s->ro);
    }
    mount_in(&merged, "/proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    mount_in(&merged, "/sys", "sysfs", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    if (try_mount_in(&merged, "/dev", "devtmpfs", "devtmpfs", MS_NOSUID, "mode=0755") < 0)
        mount_in(&merged, "/dev", "/dev", NULL, MS_BIND | MS_REC, NULL);
    mount_in(&merged, "/dev/pts", "devpts", "devpts", MS_NOSUID | MS_NOEXEC,
             "newinstance,ptmxmode=0666,mode=0620");
    mount_in(&merged, "/dev/shm", "tmpfs", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
    /* A working directory the image lacks is made, as docker makes it. */
    close(dir_in(&merged, plan.workdir));
    if (plan.script)
        copy_script(&merged, script, script_len);
    close(merged.fd);
    close(init.fd);
}

/* What the workload's child reports through the pipe when it cannot exec. */
enum stage {
    STAGE_CHROOT = 1,
    STAGE_CHDIR,
    STAGE_SETGROUPS,
    STAGE_SETGID,
    STAGE_SETUID,
    STAGE_EXEC
};
struct report {
    int stage, err;
};

static const char *getenv_from(char **envp, const char *key)
{
    size_t n = strlen(key);
    for (; *envp; envp++)
        if (strncmp(*envp, key, n) == 0 && (*envp)[n] == '=')
            return *envp + n + 1;
    return NULL;
}

/* execvp with the workload's own PATH; returns only on failure. */
static void exec_workload(char **envp)
{
    const char *prog = plan.argv[0];
    if (!*prog) {
        errno = ENOENT;
        return;
    }
    if (strchr(prog, '/')) {
        execve(prog, plan.argv, envp);
        return;
    }
    const char *path = getenv_from(envp, "PATH");
    if (!path)
        path = DEFAULT_PATH;
    size_t size = strlen(path) + strlen(prog) + 2;
    char *buf = malloc(size);
    if (!buf)
        return;
    bool denied = false;
    for (const char *dir = path;; dir++) {
        size_t n = strcspn(dir, ":");
        /* An empty entry means the current directory. */
        snprintf(buf, size, "%.*s%s%s", (int)n, dir, n ? "/" : "", prog);
        execve(buf, plan.argv, envp);
        if (errno == EACCES)
            denied = true;
        else if (errno != ENOENT && errno != ENOTDIR && errno != ELOOP && errno != ENAMETOOLONG)
            return;
        dir += n;
        if (!*dir)
            break;
    }
    errno = denied ? EACCES : ENOENT;
}

static _Noreturn void run_child(int report_fd, char **envp, mode_t umask_was)
{
    struct report rep = {STAGE_CHROOT, 0};
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++)
        sigaction(sig, &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    umask(umask_was);
    /* CLOEXEC rather than close: the report pipe must stay open until exec. */
    if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) < 0) {
        struct rlimit rl;
        int max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 1 << 20 ? (int)rl.rlim_cur
                                                                              : 1 << 20;
        for (int fd = 3; fd < max; fd++)
            fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    if (chroot(ROOT_DIR) < 0)
        goto fail;
    rep.stage = STAGE_CHDIR;
    if (chdir(plan.workdir) < 0)
        goto fail;
    /* In this order: only root may set the groups, and setuid drops root. */
    if (plan.has_user) {
        rep.stage = STAGE_SETGROUPS;
        if (setgroups(plan.ngroups, plan.groups) < 0)
            goto fail;
        rep.stage = STAGE_SETGID;
        if (setgid(plan.gid) < 0)
            goto fail;
        rep.stage = STAGE_SETUID;
        if (setuid(plan.uid) < 0)
            goto fail;
    }
    rep.stage = STAGE_EXEC;
    exec_workload(envp);
fail:
    rep.err = errno;
    write_all(report_fd, &rep, sizeof rep);
    _exit(EXIT_INIT_ERROR);
}

/* Writes the whole status record (STATUS_SIZE bytes) at offset 0 and syncs it. */
static int write_status(int fd, const char *word)
{
    char record[STATUS_SIZE + 1];
    snprintf(record, sizeof record, "%-*s\n", STATUS_SIZE - 1, word);
    for (size_t done = 0; done < STATUS_SIZE;) {
        ssize_t n = pwrite(fd, record + done, STATUS_SIZE - done, (off_t)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return -1;
        }
        done += (size_t)n;
    }
    return fsync(fd);
}

/* The started mark, then the status record "running": its block is allocated now, so the
   final record overwrites it in place and needs no free space on the disk. */
static int record_start(void)
{
    int fd = open(STARTED_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        die_errno("open", STARTED_FILE);
    if (write_all(fd, "started\n", 8) < 0 || close(fd) < 0)
        die_errno("write", STARTED_FILE);
    fd = open(STATUS_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        die_errno("open", STATUS_FILE);
    if (write_status(fd, STATUS_RUNNING) < 0)
        die_errno("write", STATUS_FILE);
    return fd;
}

/*
 * A disk upper is left clean (its journal empty), so the next run, or a read-only attach of
 * it as a prepared layer, mounts it without recovery: everything still running is ended (as
 * PID 1, which the guest's end would do anyway), the merged tree detached and the disk
 * unmounted. Failing that, it is synced; the journal covers the rest.
 */
static void release_upper_disk(void)
{
    if (!plan.upper_disk)
        return;
    if (getpid() == 1 && kill(-1, SIGKILL) == 0)
        while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
            ;
    umount2(ROOT_DIR, MNT_DETACH);
    if (umount2(RW_DIR, 0) == 0)
        return;
    const char *cause = strerror(errno);
    sync();
    char *line = fmt("krun-init: unmount the disk on " RW_DIR ": %s (synced instead)\n", cause);
    write_all(STDERR_FILENO, line, strlen(line));
    free(line);
}

/* Records how the workload ended and exits with its code, even when the record fails. */
static _Noreturn void finish(int status_fd, int status)
{
    release_upper_disk();
    char word[STATUS_SIZE];
    int code;
    if (WIFSIGNALED(status)) {
        snprintf(word, sizeof word, STATUS_KILLED " %d", WTERMSIG(status));
        code = 128 + WTERMSIG(status);
    } else {
        snprintf(word, sizeof word, STATUS_EXITED " %d", WEXITSTATUS(status));
        code = WEXITSTATUS(status);
    }
    if (write_status(status_fd, word) < 0)
        die(code, "write", STATUS_FILE, strerror(errno));
    close(status_fd);
    exit(code);
}

static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};

/* The forwarded signals and SIGCHLD, blocked from the start: a signal during setup waits
   for the workload. */
static void block_signals(sigset_t *signals)
{
    sigemptyset(signals);
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
        sigaddset(signals, forwarded[i]);
    sigaddset(signals, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, signals, NULL) < 0)
        die_msg(EXIT_INIT_ERROR, "block signals", strerror(errno));
}

/* Forks the workload and returns its pid once it has exec'd; dies when it could not. */
static pid_t start_workload(char **envp, mode_t umask_was)
{
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) < 0)
        die_msg(EXIT_INIT_ERROR, "create pipe", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        die_errno("fork", plan.argv[0]);
    if (pid == 0) {
        close(pipefd[0]);
        run_child(pipefd[1], envp, umask_was);
    }
    close(pipefd[1]);
    struct report rep;
    ssize_t n;
    do
        n = read(pipefd[0], &rep, sizeof rep);
    while (n < 0 && errno == EINTR);
    if (n == sizeof rep) {
        waitpid(pid, NULL, 0);
        errno = rep.err;
        if (rep.stage == STAGE_CHROOT)
            die_errno("chroot", ROOT_DIR);
        if (rep.stage == STAGE_CHDIR)
            die_errno("chdir", plan.workdir);
        if (rep.stage == STAGE_SETGROUPS)
            die_errno("setgroups", plan.groups_text);
        if (rep.stage == STAGE_SETGID)
            die_errno("setgid", fmt("%u", (unsigned)plan.gid));
        if (rep.stage == STAGE_SETUID)
            die_errno("setuid", fmt("%u", (unsigned)plan.uid));
        die(errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC, "exec", plan.argv[0],
            strerror(errno));
    }
    close(pipefd[0]);
    return pid;
}

/* Forwards signals to the workload and reaps every child until the workload ends. */
static _Noreturn void supervise(const sigset_t *signals, pid_t pid, int status_fd)
{
    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(signals, &info);
        if (sig < 0) {
            if (errno == EINTR)
                continue;
            die_msg(EXIT_INIT_ERROR, "wait for signals", strerror(errno));
        }
        /* ESRCH: the workload is gone and about to be reaped. */
        if (sig != SIGCHLD) {
            if (kill(pid, sig) < 0 && errno != ESRCH)
                warn_forward(sig, errno);
            continue;
        }
        int status;
        pid_t p;
        while ((p = waitpid(-1, &status, WNOHANG)) > 0)
            if (p == pid)
                finish(status_fd, status);
    }
}

int main(void)
{
    int status_fd = record_start();
    sigset_t signals;
    block_signals(&signals);
    /* Under another init, orphans of the workload still come to us to be reaped. */
    if (getpid() != 1 && prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
        die_msg(EXIT_INIT_ERROR, "become a subreaper", strerror(errno));
    mode_t umask_was = umask(0);

    read_plan();
    char **envp = read_env();
    size_t script_len = 0;
    char *script = plan.script ? read_file(SCRIPT_FILE, &script_len) : NULL;
    build_root(script, script_len);
    supervise(&signals, start_workload(envp, umask_was), status_fd);
}
