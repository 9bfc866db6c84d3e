/*
 * krun-netguard POLICY TABLE -- PROGRAM [ARG...]
 *
 * Becomes PROGRAM (the VM process keeps this process's id) under a seccomp filter whose
 * trapped calls a child process, the supervisor, answers. The supervisor is forked before
 * the filter exists, so it is outside it; if it dies, the listener closes and every trapped
 * call fails: nothing connects unchecked.
 *
 * Exit codes before PROGRAM starts: 125 for anything wrong, after one line on fd 3 (the VM
 * process's channel, src/engine/vm-process/vm-protocol.ts) when the kernel cannot do it.
 */
#include "netguard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FAILED     125
#define CHANNEL_FD 3

static void say_network_error(const char *problem)
{
    dprintf(CHANNEL_FD,
            "{\"kind\":\"error\",\"input\":\"network\",\"message\":\"public cannot be enforced: "
            "%s; use network tsi or none\"}\n",
            problem);
}

/*
 * The listener goes to the supervisor by pidfd_getfd, not SCM_RIGHTS: once the filter is
 * in place, this process's own sendmsg would wait for the supervisor it is meant to reach.
 * Only read and write cross the pair, and the parent waits for the supervisor's answer.
 */
static int take_listener(int channel, pid_t vm_pid)
{
    int number;
    if (read(channel, &number, sizeof number) != sizeof number)
        return -1;
    int pidfd = (int)syscall(SYS_pidfd_open, vm_pid, 0);
    int listener = pidfd < 0 ? -1 : (int)syscall(SYS_pidfd_getfd, pidfd, number, 0);
    if (pidfd >= 0)
        close(pidfd);
    char answer = listener < 0 ? 'n' : 'y';
    if (write(channel, &answer, 1) != 1 && listener >= 0) {
        close(listener);
        return -1;
    }
    return listener;
}

static bool hand_over_listener(int channel, int listener)
{
    char answer = 'n';
    return write(channel, &listener, sizeof listener) == sizeof listener &&
           read(channel, &answer, 1) == 1 && answer == 'y';
}

/* Keeps stderr (its one line on a bad policy is for the log) and the fds it was given. */
static void close_others(int keep_a, int keep_b)
{
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
    }
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536)
        max = 65536;
    for (int fd = 3; fd < max; fd++) {
        if (fd != keep_a && fd != keep_b)
            close(fd);
    }
}

static void be_supervisor(int channel, pid_t vm_pid, const char *policy, struct table *table)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != vm_pid)
        _exit(0);
    int listener = take_listener(channel, vm_pid);
    if (listener < 0)
        _exit(FAILED);
    close_others(listener, -1);
    supervise(listener, vm_pid, policy, table);
}

static bool has_sys_admin(void)
{
    /* CAP_SYS_ADMIN is bit 21 of CapEff; /proc is the one place to ask without libcap. */
    FILE *status = fopen("/proc/self/status", "re");
    char line[128];
    unsigned long long effective = 0;
    if (!status)
        return false;
    while (fgets(line, sizeof line, status)) {
        if (sscanf(line, "CapEff: %llx", &effective) == 1)
            break;
    }
    fclose(status);
    return (effective >> 21) & 1;
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: krun-netguard POLICY TABLE -- PROGRAM [ARG...]\n");
        return FAILED;
    }
    const char *policy = argv[1];
    int table_fd = open(argv[2], O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    struct table *table = table_fd < 0 ? NULL : table_map(table_fd);
    if (!table) {
        fprintf(stderr, "krun-netguard: %s is not a refusal table\n", argv[2]);
        return FAILED;
    }
    close(table_fd);
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return FAILED;
    pid_t vm_pid = getpid();
    pid_t supervisor = fork();
    if (supervisor < 0)
        return FAILED;
    if (supervisor == 0) {
        close(pair[0]);
        be_supervisor(pair[1], vm_pid, policy, table);
        _exit(0);
    }
    close(pair[1]);
    /* Yama (ptrace_scope 1) lets a process read only its descendants' memory otherwise. */
    if (prctl(PR_SET_PTRACER, supervisor, 0, 0, 0) != 0 && errno != EINVAL)
        return FAILED;
    /* Root keeps set-user-ID programs working for the stand-in's guest processes. */
    if (!has_sys_admin() && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return FAILED;
    int listener = filter_install();
    if (listener < 0) {
        say_network_error(errno == EINVAL ? "this kernel lacks seccomp user notification "
                                            "(Linux 5.5 or newer has it)"
                                          : "the kernel refused the seccomp filter");
        kill(supervisor, SIGKILL);
        return FAILED;
    }
    if (!hand_over_listener(pair[0], listener)) {
        say_network_error("the supervisor cannot take the seccomp listener (pidfd_getfd needs "
                          "Linux 5.6 or newer)");
        kill(supervisor, SIGKILL);
        return FAILED;
    }
    close(listener);
    close(pair[0]);
    execv(argv[4], argv + 4);
    fprintf(stderr, "krun-netguard: cannot run %s: %s\n", argv[4], strerror(errno));
    return FAILED;
}
