/*
 * krun_start_enter, the VMM's side: checks what libkrun would refuse or crash on, prepares
 * everything the guest needs (struct launch), clones it into its namespaces (guest.c runs
 * there), passes SIGINT on as a console Ctrl-C, waits, and ends the process as libkrun
 * does.
 */
#define _GNU_SOURCE
#include "../init/guest-protocol.h"
#include "standin.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static _Noreturn void vm_exit(struct rec *r, int code, uint32_t level, const char *why)
{
    char res[32];
    snprintf(res, sizeof res, "exit %d", code);
    rec_write(r, res);
    logmsg(level, "%s", why);
    _exit(code);
}

static _Noreturn void guest_panic(struct rec *r, const char *what)
{
    rec_write(r, "exit 0");
    logmsg(LOG_ERROR, "guest kernel panic: %s", what);
    _exit(0);
}

/* libkrun aborts here instead of returning; its panic message bypasses the logger. */
static _Noreturn void env_abort(struct rec *r, size_t env_bytes)
{
    char msg[160];
    int n = snprintf(msg, sizeof msg,
                     "[standin ERROR] envp holds %zu bytes, over %d: aborting as libkrun "
                     "does\n",
                     env_bytes, ENV_BYTES_MAX);
    write_all(STDERR_FILENO, msg, (size_t)n);
    rec_write(r, "abort");
    abort();
}

/* Ends the process where libkrun would abort or the guest would never run its init. */
static void preflight(const struct ctx *c, char **envp, struct rec *r)
{
    size_t nenv = array_len((const char *const *)envp);
    size_t nargs = array_len((const char *const *)c->argv);
    size_t env_bytes = 0;
    for (size_t i = 0; i < nenv; i++)
        env_bytes += strlen(envp[i]) + 1;
    if (env_bytes > ENV_BYTES_MAX)
        env_abort(r, env_bytes);
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
}

static void free_launch(struct launch *L)
{
    free(L->standin_dir);
    for (int i = 0; i < L->nshares; i++)
        free(L->shares[i].target);
    for (int i = 0; i < L->ndisks; i++)
        free(L->disks[i].node);
    free(L->dev_dir);
    free(L->loop_control);
    free(L->plan_path);
    free(L->plan_copy);
    free(L->plan);
    free(L->argv);
    if (L->alive_fd >= 0)
        close(L->alive_fd);
    if (L->alive_wfd >= 0)
        close(L->alive_wfd);
}

static int32_t prepare_shares(const struct ctx *c, struct launch *L)
{
    for (int i = 0; i < c->nshares; i++) {
        struct guest_share *s = &L->shares[i];
        if (asprintf(&s->target, "%s/.standin/%d", c->root, i) < 0) {
            s->target = NULL;
            return -ENOMEM;
        }
        L->nshares = i + 1;
        s->tag = c->shares[i].tag;
        s->host = c->shares[i].path;
        s->read_only = c->shares[i].read_only;
        s->present = is_dir(s->host);
        if (!s->present)
            logmsg(LOG_WARN,
                   "virtio-fs share \"%s\": host directory %s is missing; the guest cannot "
                   "mount it",
                   s->tag, s->host);
    }
    return 0;
}

static int32_t prepare_disks(const struct ctx *c, struct launch *L)
{
    if (c->ndisks == 0)
        return 0;
    L->dev_dir = path_join(c->root, "dev");
    L->loop_control = path_join(c->root, "dev/.loop-control");
    if (!L->dev_dir || !L->loop_control)
        return -ENOMEM;
    for (int i = 0; i < c->ndisks; i++) {
        struct guest_disk *d = &L->disks[i];
        if (asprintf(&d->node, "%s/dev/vd%c", c->root, 'a' + i) < 0) {
            d->node = NULL;
            return -ENOMEM;
        }
        L->ndisks = i + 1;
        d->host = c->disks[i].path;
        d->read_only = c->disks[i].read_only;
    }
    return 0;
}

/* The translated plan, when the root holds a plan to translate. */
static int32_t prepare_plan(struct launch *L)
{
    size_t plan_len = 0;
    char *plan = read_file(L->plan_path, &plan_len);
    if (!plan) {
        if (errno != ENOENT)
            logmsg(LOG_WARN, "cannot read %s (%s); the plan is not translated", L->plan_path,
                   errdesc(errno));
        return 0;
    }
    L->plan = translate_plan(L->shares, L->nshares, plan, plan_len, &L->plan_len);
    free(plan);
    return L->plan ? 0 : -ENOMEM;
}

/* The terminal among fds 0-2 whose foreground this process group holds, or -1. */
static int foreground_tty(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (isatty(fd) && tcgetpgrp(fd) == getpgrp())
            return fd;
    return -1;
}

static int32_t prepare(const struct ctx *c, char **envp, struct launch *L)
{
    memset(L, 0, sizeof *L);
    L->alive_fd = L->alive_wfd = -1;
    L->root = c->root;
    L->workdir = c->workdir;
    L->envp = envp;
    L->no_network = c->no_network;
    L->standin_dir = path_join(c->root, ".standin");
    L->plan_path = path_join(c->root, PLAN_FILE + 1); /* PLAN_FILE is the guest's, absolute */
    L->plan_copy = path_join(c->root, ".standin/plan");
    size_t nargs = array_len((const char *const *)c->argv);
    L->argv = calloc(nargs + 2, sizeof *L->argv);
    if (!L->standin_dir || !L->plan_path || !L->plan_copy || !L->argv)
        return -ENOMEM;
    L->argv[0] = c->exec_path;
    for (size_t i = 0; i < nargs; i++)
        L->argv[i + 1] = c->argv[i];
    int32_t rc = prepare_shares(c, L);
    if (!rc)
        rc = prepare_disks(c, L);
    if (!rc)
        rc = prepare_plan(L);
    if (rc)
        return rc;
    struct stat st;
    L->standin_existed = lstat(L->standin_dir, &st) == 0;
    L->tty_fd = foreground_tty();
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0)
        return -errno;
    L->alive_fd = pipefd[0];
    L->alive_wfd = pipefd[1];
    return 0;
}

static volatile sig_atomic_t g_guest_pgid;

static void forward_sigint(int sig)
{
    (void)sig;
    int saved = errno;
    /* Ctrl-C on the guest console. ESRCH: the guest is already gone. */
    if (g_guest_pgid > 0 && kill(-(pid_t)g_guest_pgid, SIGINT) != 0 && errno != ESRCH &&
        log_enabled(LOG_WARN)) {
        static const char msg[] = "[standin WARN] cannot pass SIGINT to the guest\n";
        write_all(g_log_fd, msg, sizeof msg - 1);
    }
    errno = saved;
}

struct saved_signals {
    struct sigaction sigint, sigchld;
};

static void install_signals(struct saved_signals *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward_sigint;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old->sigint);
    /* waitpid needs the exit status: a caller that ignores SIGCHLD would lose it. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, NULL, &old->sigchld);
    if (old->sigchld.sa_handler == SIG_IGN || (old->sigchld.sa_flags & SA_NOCLDWAIT))
        sigaction(SIGCHLD, &dfl, NULL);
}

static void restore_signals(const struct saved_signals *old)
{
    sigaction(SIGINT, &old->sigint, NULL);
    sigaction(SIGCHLD, &old->sigchld, NULL);
}

/*
 * The same child as the clone in spawn_guest, made another way: QEMU's user-mode emulation
 * (the aarch64 test tier runs this library under it) refuses namespace flags in a fork-like
 * clone with EINVAL, but passes unshare and setns through. This process moves its
 * children's PID namespace to a new one (unshare), forks the child, which is PID 1 there,
 * and moves back (setns), so that nothing it starts later lands there; the child makes its
 * mount and network namespaces itself (guest.c). Returns like the raw clone: 0 in the
 * child, the pid in the parent, -1 with errno.
 */
static long fork_into_new_pid_ns(struct launch *L)
{
    int own = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
    if (own < 0)
        return -1;
    if (unshare(CLONE_NEWPID) != 0) {
        int err = errno;
        close(own);
        errno = err;
        return -1;
    }
    L->unshare_in_guest = CLONE_NEWNS | (L->no_network ? CLONE_NEWNET : 0);
    long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (pid == 0) {
        close(own);
        return 0;
    }
    int err = errno;
    /* Cannot fail for the namespace this process is itself in. */
    setns(own, CLONE_NEWPID);
    close(own);
    errno = err;
    return pid;
}

/* Clones the guest; its pid, or -errno. */
static long spawn_guest(struct launch *L)
{
    unsigned long flags = CLONE_NEWNS | CLONE_NEWPID | SIGCHLD;
    if (L->no_network)
        flags |= CLONE_NEWNET;
    sigset_t all, old_mask;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old_mask);
    /* A fork-like raw clone (no new stack): the child is PID 1 of a new PID namespace,
       with a private copy of the mount namespace (and, for no network, a new, empty
       network namespace). */
    long pid = syscall(SYS_clone, flags, 0, 0, 0, 0);
    if (pid < 0 && errno == EINVAL)
        pid = fork_into_new_pid_ns(L);
    if (pid == 0)
        guest_main(L);
    int clone_err = errno;
    if (pid > 0) {
        setpgid((pid_t)pid, (pid_t)pid); /* also done by the child; whichever runs first */
        g_guest_pgid = (sig_atomic_t)pid;
    }
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    close(L->alive_fd);
    L->alive_fd = -1;
    return pid > 0 ? pid : -clone_err;
}

/* 0 with the guest's wait status, or -errno when it cannot be learnt. */
static int32_t wait_guest(pid_t pid, int *status)
{
    while (waitpid(pid, status, 0) < 0)
        if (errno != EINTR)
            return -errno;
    return 0;
}

static void after_guest(const struct launch *L)
{
    if (!L->standin_existed)
        rmdir(L->standin_dir); /* empty on the host: the tmpfs lived in the guest's namespace */
    if (L->tty_fd >= 0) {
        /* Take the terminal back for the caller's process group (SIGTTOU blocked: this
           process is in the background now). */
        sigset_t ttou;
        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        pthread_sigmask(SIG_BLOCK, &ttou, NULL);
        tcsetpgrp(L->tty_fd, getpgrp());
    }
}

static _Noreturn void report_exit(struct rec *r, int status)
{
    char why[96];
    if (WIFEXITED(status)) {
        snprintf(why, sizeof why, "guest exited with code %d", WEXITSTATUS(status));
        vm_exit(r, WEXITSTATUS(status), LOG_INFO, why);
    }
    snprintf(why, sizeof why,
             "guest init killed by signal %d: exiting 0 as libkrun does after a guest panic",
             WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    vm_exit(r, 0, LOG_INFO, why);
}

/* Returns -errno when the guest cannot start; otherwise ends the process. */
int32_t start_enter(struct ctx *c, struct rec *r)
{
    if (!c->root || !c->exec_path) {
        logmsg(LOG_ERROR, "krun_start_enter: %s was never set",
               !c->root ? "the root (krun_set_root)" : "the program (krun_set_exec)");
        return -EINVAL;
    }
    /* NULL from krun_set_exec: libkrun passes the host's whole environment. */
    char **envp = c->envp ? c->envp : environ;
    preflight(c, envp, r);
    struct launch L;
    int32_t rc = prepare(c, envp, &L);
    if (rc) {
        free_launch(&L);
        return rc;
    }
    logmsg(LOG_INFO, "starting guest %s in %s with %d virtio-fs share(s), %d disk(s), %s",
           c->exec_path, c->root, c->nshares, c->ndisks,
           c->no_network ? "no network (only lo)" : "the host's network (as TSI)");
    struct saved_signals saved;
    install_signals(&saved);
    long pid = spawn_guest(&L);
    if (pid < 0) {
        restore_signals(&saved);
        logmsg(LOG_ERROR, "cannot start the guest: clone: %s%s", errdesc((int)-pid),
               pid == -EPERM ? " (the stand-in needs CAP_SYS_ADMIN)" : "");
        free_launch(&L);
        return (int32_t)pid;
    }
    int status;
    rc = wait_guest((pid_t)pid, &status);
    after_guest(&L);
    if (rc) {
        /* No status is not a clean exit: the caller gets an error, never exit code 0. */
        restore_signals(&saved);
        logmsg(LOG_ERROR, "cannot learn how the guest ended: waitpid: %s", errdesc((int)-rc));
        free_launch(&L);
        return rc;
    }
    report_exit(r, status);
}
