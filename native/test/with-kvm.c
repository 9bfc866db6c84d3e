/*
 * with-kvm COMMAND [ARG...]: runs COMMAND where /dev/kvm opens read-write and answers
 * KVM_GET_API_VERSION, so that the stand-in end-to-end tier runs on any Linux machine.
 *
 * Where this machine's /dev/kvm already does both, COMMAND runs as it is. Where it does
 * not and we are root, COMMAND runs in a private mount namespace whose /dev is a private
 * tmpfs holding every entry of the real /dev (each bind-mounted, so devices, pts and shm
 * work as before) plus /dev/kvm, a bind of /dev/null. A seccomp filter sends every
 * ioctl(fd, KVM_GET_API_VERSION) of COMMAND's process tree to this process by user
 * notification; it answers 12 when fd is that /dev/kvm and lets the call through otherwise.
 * Nothing of the host changes: the mounts live and die with the namespace. Not root:
 * COMMAND runs as it is, and the tests say why their tier skips.
 *
 * The product is untouched: it opens /dev/kvm and asks its API version as on a real host.
 * A seccomp filter chain holds one listener, so a process under this one cannot install
 * a filter with its own listener (EBUSY).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/kvm.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "with-kvm supports x86_64 and aarch64"
#endif

#define DEVICE "/dev/kvm"

static void die(const char *operation, const char *path)
{
    fprintf(stderr, "with-kvm: %s %s: %s\n", operation, path, strerror(errno));
    exit(125);
}

/* Why this machine's /dev/kvm will not do, or NULL when it will. */
static const char *device_problem(void)
{
    int fd = open(DEVICE, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return errno == ENOENT ? "there is no " DEVICE : DEVICE " does not open read-write";
    int version = ioctl(fd, KVM_GET_API_VERSION, 0);
    close(fd);
    return version == KVM_API_VERSION ? NULL
                                      : DEVICE " does not answer KVM_GET_API_VERSION with 12";
}

static void run(char **argv)
{
    execvp(argv[0], argv);
    die("exec", argv[0]);
}

/* The same entry of the real /dev, reached through a descriptor opened before it was covered. */
static void old_entry(char *buffer, size_t size, int old_dev, const char *name)
{
    snprintf(buffer, size, "/proc/self/fd/%d/%s", old_dev, name);
}

static void bind_entry(int old_dev, int new_dev, const char *name, int is_dir)
{
    char source[PATH_MAX], target[PATH_MAX];
    old_entry(source, sizeof source, old_dev, name);
    snprintf(target, sizeof target, "/dev/%s", name);
    if (is_dir) {
        if (mkdirat(new_dev, name, 0755) != 0)
            die("mkdir", target);
    } else {
        int fd = openat(new_dev, name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0)
            die("create", target);
        close(fd);
    }
    if (mount(source, target, NULL, MS_BIND | MS_REC, NULL) != 0)
        die("bind-mount onto", target);
}

static void copy_link(int old_dev, int new_dev, const char *name)
{
    char link[PATH_MAX];
    ssize_t length = readlinkat(old_dev, name, link, sizeof link - 1);
    if (length < 0)
        die("readlink /dev/", name);
    link[length] = '\0';
    if (symlinkat(link, new_dev, name) != 0)
        die("symlink /dev/", name);
}

/*
 * Files made under /dev inside a mount namespace land on the shared /dev, so the new
 * /dev is a private tmpfs. A bound ptmx cannot allocate terminals (the kernel finds the
 * devpts instance beside the ptmx it opened); the link into pts can.
 */
static void private_dev(void)
{
    if (unshare(CLONE_NEWNS) != 0)
        die("unshare", "CLONE_NEWNS");
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        die("make private", "/");
    int old_dev = open("/dev", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (old_dev < 0)
        die("open", "/dev");
    if (mount("tmpfs", "/dev", "tmpfs", MS_NOSUID, "mode=0755,size=1m") != 0)
        die("mount tmpfs on", "/dev");
    int new_dev = open("/dev", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (new_dev < 0)
        die("open", "/dev");
    DIR *entries = fdopendir(dup(old_dev));
    if (entries == NULL)
        die("read", "/dev");
    struct dirent *entry;
    while ((entry = readdir(entries)) != NULL) {
        const char *name = entry->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, "kvm") ||
            !strcmp(name, "ptmx"))
            continue;
        struct stat st;
        if (fstatat(old_dev, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; /* gone since the listing */
        if (S_ISLNK(st.st_mode))
            copy_link(old_dev, new_dev, name);
        else
            bind_entry(old_dev, new_dev, name, S_ISDIR(st.st_mode));
    }
    closedir(entries);
    if (symlinkat("pts/ptmx", new_dev, "ptmx") != 0)
        die("symlink", "/dev/ptmx");
    char null_device[PATH_MAX];
    old_entry(null_device, sizeof null_device, old_dev, "null");
    int fd = openat(new_dev, "kvm", O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        die("create", DEVICE);
    close(fd);
    if (mount(null_device, DEVICE, NULL, MS_BIND, NULL) != 0)
        die("bind-mount onto", DEVICE);
    close(new_dev);
    close(old_dev);
}

/* ioctl(_, KVM_GET_API_VERSION, ...) goes to the listener; every other call runs as usual. */
static int install_filter(void)
{
    struct sock_filter code[] = {
            BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 0, 7),
            BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 5),
            BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1])),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, KVM_GET_API_VERSION, 0, 3),
            BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1]) + 4),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
            BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
            BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {.len = sizeof code / sizeof code[0], .filter = code};
    int listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER,
                           &program);
    if (listener < 0)
        die("install the seccomp filter for", DEVICE);
    return listener;
}

static void send_fd(int socket, int fd)
{
    char data = 0;
    struct iovec iov = {.iov_base = &data, .iov_len = 1};
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(int))];
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &iov,
                             .msg_iovlen = 1,
                             .msg_control = control.space,
                             .msg_controllen = sizeof control.space};
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &fd, sizeof(int));
    if (sendmsg(socket, &message, 0) != 1)
        die("send the seccomp listener to", "the supervisor");
}

static int receive_fd(int socket)
{
    char data;
    struct iovec iov = {.iov_base = &data, .iov_len = 1};
    union {
        struct cmsghdr header;
        char space[CMSG_SPACE(sizeof(int))];
    } control;
    struct msghdr message = {.msg_iov = &iov,
                             .msg_iovlen = 1,
                             .msg_control = control.space,
                             .msg_controllen = sizeof control.space};
    if (recvmsg(socket, &message, MSG_CMSG_CLOEXEC) != 1)
        die("receive the seccomp listener from", "the command");
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    if (header == NULL || header->cmsg_type != SCM_RIGHTS)
        die("receive the seccomp listener from", "the command");
    int fd;
    memcpy(&fd, CMSG_DATA(header), sizeof(int));
    return fd;
}

/* Whether descriptor `fd` of process `pid` is this namespace's /dev/kvm. */
static int is_device(pid_t pid, unsigned long long fd)
{
    char link[64], target[sizeof DEVICE + 1];
    snprintf(link, sizeof link, "/proc/%d/fd/%llu", pid, fd);
    ssize_t length = readlink(link, target, sizeof target);
    return length == (ssize_t)strlen(DEVICE) && memcmp(target, DEVICE, length) == 0;
}

static void answer(int listener)
{
    static struct seccomp_notif_sizes sizes;
    if (sizes.seccomp_notif == 0 && syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
        die("ask the size of", "seccomp notifications");
    struct seccomp_notif *request = calloc(1, sizes.seccomp_notif);
    struct seccomp_notif_resp *response = calloc(1, sizes.seccomp_notif_resp);
    if (request == NULL || response == NULL)
        die("allocate", "a seccomp notification");
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, request) == 0) {
        int device = is_device(request->pid, request->data.args[0]);
        response->id = request->id;
        /* The process may have died and its pid been reused while we read its fd table. */
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &request->id) == 0) {
            if (device)
                response->val = KVM_API_VERSION;
            else
                response->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
            ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, response); /* ENOENT: it died meanwhile */
        }
    } else if (errno != ENOENT && errno != EINTR) {
        die("receive", "a seccomp notification");
    }
    free(request);
    free(response);
}

static pid_t child;

static void forward(int signal)
{
    kill(child, signal);
}

static int exit_code(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: with-kvm COMMAND [ARG...]\n");
        return 2;
    }
    const char *problem = device_problem();
    if (problem == NULL)
        run(argv + 1);
    if (geteuid() != 0) {
        fprintf(stderr, "with-kvm: %s and this user is not root: running %s without a KVM device\n",
                problem, argv[1]);
        run(argv + 1);
    }
    fprintf(stderr, "with-kvm: %s: running %s with a KVM device stand-in\n", problem, argv[1]);
    private_dev();
    int sockets[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
        die("make", "a socket pair");
    child = fork();
    if (child < 0)
        die("fork", argv[1]);
    if (child == 0) {
        close(sockets[0]);
        /* So that the tests can tell this device from a real one (it boots nothing). */
        setenv("KRUN_TEST_KVM_STANDIN", "1", 1);
        int listener = install_filter();
        send_fd(sockets[1], listener);
        close(listener);
        close(sockets[1]);
        run(argv + 1);
    }
    close(sockets[1]);
    int listener = receive_fd(sockets[0]);
    close(sockets[0]);
    struct sigaction action = {.sa_handler = forward, .sa_flags = SA_RESTART};
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    int pidfd = syscall(SYS_pidfd_open, child, 0);
    if (pidfd < 0)
        die("pidfd_open", argv[1]);
    for (;;) {
        struct pollfd watched[] = {{.fd = listener, .events = POLLIN},
                                   {.fd = pidfd, .events = POLLIN}};
        if (poll(watched, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("poll", "the seccomp listener");
        }
        if (watched[1].revents & POLLIN) {
            int status;
            while (waitpid(child, &status, 0) < 0)
                if (errno != EINTR)
                    die("wait for", argv[1]);
            return exit_code(status);
        }
        if (watched[0].revents & POLLIN)
            answer(listener);
    }
}
