/*
 * with-kvm COMMAND [ARG...]: runs COMMAND where /dev/kvm opens read-write and answers
 * KVM_GET_API_VERSION, so that the stand-in end-to-end tier runs on any Linux machine.
 *
 * Where this machine's /dev/kvm already does both, COMMAND runs as it is. Where it does
 * not and we are root, COMMAND runs in a private mount namespace whose /dev is a private
 * tmpfs holding every entry of the real /dev (each bind-mounted, so devices, pts and shm
 * work as before) plus /dev/kvm: the one file of a small FUSE file system this process
 * serves, which answers ioctl KVM_GET_API_VERSION with 12 and every other ioctl with
 * ENOTTY. Nothing of the host changes: the mounts live and die with the namespace. Not
 * root: COMMAND runs as it is, and the tests say why their tier skips.
 *
 * The product is untouched: it opens /dev/kvm and asks its API version as on a real host.
 * FUSE rather than seccomp user notification: a process's filter chain holds at most one
 * listener, and the VM process's own network policy needs it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fuse.h>
#include <linux/kvm.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEVICE "/dev/kvm"
/* Where the FUSE file system is mounted until /dev/kvm is bound to its file. */
#define MOUNT_POINT "/dev/.with-kvm"

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
    int fd;
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
    if (mkdirat(new_dev, MOUNT_POINT + strlen("/dev/"), 0700) != 0)
        die("mkdir", MOUNT_POINT);
    fd = openat(new_dev, "kvm", O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        die("create", DEVICE);
    close(fd);
    close(new_dev);
    close(old_dev);
}

/* Mounts the file system served on the returned descriptor; it answers once served. */
static int mount_fuse(void)
{
    int fuse = open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (fuse < 0)
        die("open", "/dev/fuse");
    char options[128];
    snprintf(options, sizeof options, "fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other",
             fuse);
    if (mount("with-kvm", MOUNT_POINT, "fuse", MS_NOSUID | MS_NODEV | MS_NOEXEC, options) != 0)
        die("mount fuse on", MOUNT_POINT);
    return fuse;
}

/* In COMMAND's process, while the parent serves: the first lookups wait for that. */
static void bind_device(void)
{
    if (mount(MOUNT_POINT "/kvm", DEVICE, NULL, MS_BIND, NULL) != 0)
        die("bind-mount onto", DEVICE);
    if (umount2(MOUNT_POINT, MNT_DETACH) != 0)
        die("unmount", MOUNT_POINT);
    if (rmdir(MOUNT_POINT) != 0)
        die("rmdir", MOUNT_POINT);
}

enum { ROOT_NODE = 1, DEVICE_NODE = 2 };

static void reply(int fuse, uint64_t unique, int error, const void *data, size_t size)
{
    struct fuse_out_header header = {.len = sizeof header + size, .error = error, .unique = unique};
    struct iovec parts[] = {{.iov_base = &header, .iov_len = sizeof header},
                            {.iov_base = (void *)data, .iov_len = size}};
    /* ENOENT: the request was interrupted meanwhile; nobody waits for this answer. */
    if (writev(fuse, parts, size ? 2 : 1) < 0 && errno != ENOENT)
        die("answer", "a FUSE request");
}

static void node_attributes(uint64_t node, struct fuse_attr *attributes)
{
    memset(attributes, 0, sizeof *attributes);
    attributes->ino = node;
    attributes->nlink = node == ROOT_NODE ? 2 : 1;
    attributes->mode = node == ROOT_NODE ? S_IFDIR | 0755 : S_IFREG | 0666;
}

static void serve(int fuse, const struct fuse_in_header *request, const void *argument)
{
    switch (request->opcode) {
    case FUSE_INIT: {
        struct fuse_init_out out = {.major = FUSE_KERNEL_VERSION,
                                    .minor = FUSE_KERNEL_MINOR_VERSION,
                                    .max_write = 4096};
        reply(fuse, request->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_LOOKUP: {
        if (request->nodeid != ROOT_NODE || strcmp(argument, "kvm") != 0) {
            reply(fuse, request->unique, -ENOENT, NULL, 0);
            return;
        }
        struct fuse_entry_out out = {.nodeid = DEVICE_NODE};
        node_attributes(DEVICE_NODE, &out.attr);
        reply(fuse, request->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_GETATTR: {
        struct fuse_attr_out out = {0};
        node_attributes(request->nodeid, &out.attr);
        reply(fuse, request->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_OPEN: {
        struct fuse_open_out out = {0};
        reply(fuse, request->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_IOCTL: {
        const struct fuse_ioctl_in *in = argument;
        if (in->cmd != KVM_GET_API_VERSION) {
            reply(fuse, request->unique, -ENOTTY, NULL, 0);
            return;
        }
        struct fuse_ioctl_out out = {.result = KVM_API_VERSION};
        reply(fuse, request->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_FLUSH:
    case FUSE_RELEASE: reply(fuse, request->unique, 0, NULL, 0); return;
    case FUSE_FORGET:
    case FUSE_BATCH_FORGET:
    case FUSE_INTERRUPT: return; /* these take no answer */
    default: reply(fuse, request->unique, -ENOSYS, NULL, 0);
    }
}

static void serve_one(int fuse)
{
    static char buffer[FUSE_MIN_READ_BUFFER + 4096];
    ssize_t length = read(fuse, buffer, sizeof buffer);
    if (length < 0) {
        if (errno == EINTR || errno == ENOENT || errno == EAGAIN)
            return;
        die("read", "a FUSE request");
    }
    if ((size_t)length < sizeof(struct fuse_in_header))
        return;
    buffer[length < (ssize_t)sizeof buffer ? length : length - 1] = '\0';
    serve(fuse, (const struct fuse_in_header *)buffer, buffer + sizeof(struct fuse_in_header));
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
    int fuse = mount_fuse();
    child = fork();
    if (child < 0)
        die("fork", argv[1]);
    if (child == 0) {
        close(fuse);
        bind_device();
        /* So that the tests can tell this device from a real one (it boots nothing). */
        setenv("KRUN_TEST_KVM_STANDIN", "1", 1);
        run(argv + 1);
    }
    struct sigaction action = {.sa_handler = forward, .sa_flags = SA_RESTART};
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    int pidfd = syscall(SYS_pidfd_open, child, 0);
    if (pidfd < 0)
        die("pidfd_open", argv[1]);
    for (;;) {
        struct pollfd watched[] = {{.fd = fuse, .events = POLLIN}, {.fd = pidfd, .events = POLLIN}};
        if (poll(watched, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("poll", "/dev/fuse");
        }
        if (watched[1].revents & POLLIN) {
            int status;
            while (waitpid(child, &status, 0) < 0)
                if (errno != EINTR)
                    die("wait for", argv[1]);
            return exit_code(status);
        }
        if (watched[0].revents & POLLIN)
            serve_one(fuse);
    }
}
