/*
 * krun_start_enter, the guest's side: the cloned child, PID 1 of its own PID namespace,
 * builds what a libkrun guest would see (the shares, the translated plan, the network)
 * and execs the configured program in the root. It runs in a raw clone of a possibly
 * multi-threaded process, so it never allocates or takes a lock; every failure names what
 * failed and ends the guest with 125, as a failed guest setup does.
 */
#define _GNU_SOURCE
#include "standin.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/loop.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define MISC_MAJOR         10
#define LOOP_CONTROL_MINOR 237
#define LOOP_MAJOR         7
/* Another guest may take the free loop device first: ask again this many times. */
#define LOOP_ATTEMPTS 32

/* A line for the tester: always on stderr, and on the log target too. The parts are plain
   strings, ended by NULL (no formatting: nothing here allocates). */
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
static _Noreturn void child_fail(const char *op, const char *path, int err)
{
    if (path)
        child_say(LOG_ERROR, "guest setup: ", op, " ", path, ": ", errdesc(err), NULL);
    else
        child_say(LOG_ERROR, "guest setup: ", op, ": ", errdesc(err), NULL);
    _exit(125);
}

/* Dies with the VMM, like a guest dies with its VM; and catches a VMM already gone. */
static void tie_to_parent(const struct launch *L)
{
    close(L->alive_wfd);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        child_fail("prctl PR_SET_PDEATHSIG", NULL, errno);
    struct pollfd pfd = {.fd = L->alive_fd, .events = POLLIN};
    if (poll(&pfd, 1, 0) != 0)
        _exit(125);
    close(L->alive_fd);
}

/* Signals are all blocked (the parent blocked them around clone); the dispositions are
   reset while nothing can arrive. */
static void reset_signal_dispositions(void)
{
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(sig, &sa, NULL); /* fails harmlessly for the C library's own signals */
    }
}

/* The guest's console foreground process group. On a terminal it must also be the
   terminal's foreground group, or an interactive guest shell reading it would be stopped
   by SIGTTIN (a real guest has a console of its own). */
static void take_foreground(const struct launch *L)
{
    setpgid(0, 0);
    if (L->tty_fd >= 0 && tcsetpgrp(L->tty_fd, getpgrp()) != 0)
        child_say(LOG_WARN,
                  "guest setup: cannot make the guest the terminal's foreground: ", errdesc(errno),
                  NULL);
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

/* A private tmpfs at <root>/.standin with one bind mount per present share. */
static void mount_shares(const struct launch *L)
{
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
}

/* The loop devices of the disks, held open until the init has mounted them (autoclear
   detaches each once the guest's last reference is gone). */
static int g_disk_fds[MAX_DISKS];

/* The minor of loop device n, as the kernel numbers it (max_part shifts it). */
static unsigned loop_minor(int n)
{
    char path[64] = "/sys/block/loop", digits[16], text[32];
    size_t nd = 0, len = strlen(path);
    for (unsigned v = (unsigned)n; nd == 0 || v > 0; v /= 10)
        digits[nd++] = (char)('0' + v % 10);
    while (nd > 0)
        path[len++] = digits[--nd];
    memcpy(path + len, "/dev", 5);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t got = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    if (fd >= 0)
        close(fd);
    const char *colon = got > 0 ? memchr(text, ':', (size_t)got) : NULL;
    if (!colon)
        return (unsigned)n;
    unsigned minor = 0;
    for (const char *p = colon + 1; p < text + got && *p >= '0' && *p <= '9'; p++)
        minor = minor * 10 + (unsigned)(*p - '0');
    return minor;
}

/* One disk: a free loop device on its image, its node at <root>/dev/vdX. */
static int attach_disk(int control, const struct guest_disk *d)
{
    int mode = d->read_only ? O_RDONLY : O_RDWR;
    int backing = open(d->host, mode | O_CLOEXEC);
    if (backing < 0)
        child_fail("open disk image", d->host, errno);
    struct loop_config config;
    memset(&config, 0, sizeof config);
    config.fd = (unsigned)backing;
    config.info.lo_flags = LO_FLAGS_AUTOCLEAR | (d->read_only ? LO_FLAGS_READ_ONLY : 0);
    for (int attempt = 0;; attempt++) {
        int n = ioctl(control, LOOP_CTL_GET_FREE);
        if (n < 0)
            child_fail("ioctl LOOP_CTL_GET_FREE", "/dev/loop-control", errno);
        unlink(d->node);
        if (mknod(d->node, S_IFBLK | 0600, makedev(LOOP_MAJOR, loop_minor(n))) != 0)
            child_fail("mknod", d->node, errno);
        int loop = open(d->node, mode | O_CLOEXEC);
        if (loop < 0)
            child_fail("open", d->node, errno);
        if (ioctl(loop, LOOP_CONFIGURE, &config) == 0) {
            close(backing);
            return loop;
        }
        int err = errno;
        close(loop);
        if (err != EBUSY || attempt + 1 >= LOOP_ATTEMPTS)
            child_fail("ioctl LOOP_CONFIGURE", d->host, err);
    }
}

/* A tmpfs at <root>/dev, private to the guest, holding one block node per disk. */
static void attach_disks(const struct launch *L)
{
    if (L->ndisks == 0)
        return;
    if (mount("standin-dev", L->dev_dir, "tmpfs", MS_NOSUID, "mode=0755") != 0)
        child_fail("mount tmpfs", L->dev_dir, errno);
    if (mknod(L->loop_control, S_IFCHR | 0600, makedev(MISC_MAJOR, LOOP_CONTROL_MINOR)) != 0)
        child_fail("mknod", L->loop_control, errno);
    int control = open(L->loop_control, O_RDWR | O_CLOEXEC);
    if (control < 0)
        child_fail("open", L->loop_control, errno);
    for (int i = 0; i < L->ndisks; i++)
        g_disk_fds[i] = attach_disk(control, &L->disks[i]);
    close(control);
    unlink(L->loop_control);
}

/* The init inherits the loop devices' descriptors: closed, they would detach before it mounts. */
static void keep_disks_open(const struct launch *L)
{
    for (int i = 0; i < L->ndisks; i++)
        fcntl(g_disk_fds[i], F_SETFD, 0);
}

/* The translated plan, written on the tmpfs and bound over the root's own plan. */
static void install_plan(const struct launch *L)
{
    if (!L->plan)
        return;
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

/* In a new network namespace: lo is there but down; a guest with no network has it up. */
static void loopback_up(void)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        child_fail("socket", "AF_INET", errno);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    memcpy(ifr.ifr_name, "lo", 3);
    if (ioctl(s, SIOCGIFFLAGS, &ifr) != 0)
        child_fail("ioctl SIOCGIFFLAGS", "lo", errno);
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
        child_fail("ioctl SIOCSIFFLAGS IFF_UP", "lo", errno);
    close(s);
}

static void enter_root(const struct launch *L)
{
    if (chroot(L->root) != 0)
        child_fail("chroot", L->root, errno);
    if (chdir("/") != 0)
        child_fail("chdir", "/", errno);
    if (L->workdir && *L->workdir && chdir(L->workdir) != 0)
        child_fail("chdir", L->workdir, errno);
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

/* The guest's console is the process's fds 0-2. Node marks its stdio close-on-exec and
   makes its pipes non-blocking; real libkrun never execs and copies the console itself,
   so neither matters there. Here the guest writes to these descriptions directly, so they
   must survive exec and block like a console (else a full pipe fails the guest's writes
   with EAGAIN). The caller never runs JS again. Every other descriptor is closed at exec. */
static void prepare_console(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0 && (flags & FD_CLOEXEC))
            fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_NONBLOCK))
            fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    mark_fds_cloexec();
}

_Noreturn void guest_main(const struct launch *L)
{
    tie_to_parent(L);
    if (L->unshare_in_guest && unshare(L->unshare_in_guest) != 0)
        child_fail("unshare", NULL, errno);
    reset_signal_dispositions();
    take_foreground(L);
    mount_shares(L);
    attach_disks(L);
    install_plan(L);
    if (L->no_network)
        loopback_up();
    enter_root(L);
    prepare_console();
    keep_disks_open(L);

    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(L->argv[0], L->argv, L->envp);
    int err = errno;
    child_say(LOG_ERROR, "guest: execve ", L->argv[0], ": ", errdesc(err), NULL);
    /* What libkrun's own init reports: 127 not found, 126 cannot execute. */
    _exit(err == ENOENT ? 127 : 126);
}
