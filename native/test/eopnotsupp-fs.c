/*
 * eopnotsupp-fs MOUNTPOINT: mounts a tiny read-only FUSE file system there that answers
 * every ioctl with EOPNOTSUPP, as libkrun's virtio-fs server (a FUSE server too) answers
 * FS_IOC_GETFLAGS (libkrun issue 867). Overlayfs copy-up takes only ENOTTY or EINVAL from
 * the lower layer's FS_IOC_GETFLAGS as "no attributes", so with this file system as an
 * overlay's lower, changing an existing directory fails as it does in such a guest. The
 * end-to-end tests give it to the stand-in libkrun as the rootfs, to see the guest init's
 * copy-up check fail for real.
 *
 * The tree: / and /bin (directories, 0755) and /bin/sh (an empty file, 0755, so that the
 * action accepts it as a root filesystem with a shell). Prints "ready" on stdout once
 * mounted, then serves until the mount goes away (umount) or it is killed. Needs root.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fuse.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

enum { ROOT_INO = FUSE_ROOT_ID, BIN_INO, SH_INO };

struct node {
    uint64_t ino, parent;
    const char *name;
    uint32_t mode;
};

static const struct node nodes[] = {
        {ROOT_INO, ROOT_INO, "", S_IFDIR | 0755},
        {BIN_INO, ROOT_INO, "bin", S_IFDIR | 0755},
        {SH_INO, BIN_INO, "sh", S_IFREG | 0755},
};
#define NNODES (sizeof nodes / sizeof nodes[0])

static int fuse_fd;

static void die(const char *operation, const char *what)
{
    fprintf(stderr, "eopnotsupp-fs: %s %s: %s\n", operation, what, strerror(errno));
    exit(1);
}

static const struct node *node_of(uint64_t ino)
{
    for (size_t i = 0; i < NNODES; i++)
        if (nodes[i].ino == ino)
            return &nodes[i];
    return NULL;
}

static void attr_of(const struct node *n, struct fuse_attr *attr)
{
    memset(attr, 0, sizeof *attr);
    attr->ino = n->ino;
    attr->mode = n->mode;
    attr->nlink = S_ISDIR(n->mode) ? 2 : 1;
    attr->blksize = 4096;
}

/* One reply: the header, then `size` bytes of `body`; error is 0 or a negative errno. */
static void reply(uint64_t unique, int error, const void *body, size_t size)
{
    char buffer[sizeof(struct fuse_out_header) + 4096];
    struct fuse_out_header header = {
            .len = (uint32_t)(sizeof header + size), .error = error, .unique = unique};
    memcpy(buffer, &header, sizeof header);
    if (size > 0)
        memcpy(buffer + sizeof header, body, size);
    /* ENOENT: the request was interrupted meanwhile. */
    if (write(fuse_fd, buffer, header.len) < 0 && errno != ENOENT)
        die("write", "a reply");
}

static void reply_entry(uint64_t unique, const struct node *n)
{
    struct fuse_entry_out out = {.nodeid = n->ino, .entry_valid = 1, .attr_valid = 1};
    attr_of(n, &out.attr);
    reply(unique, 0, &out, sizeof out);
}

/* The entries of directory `dir` from offset `offset` on, as many as fit in `size` bytes. */
static void reply_readdir(uint64_t unique, const struct node *dir, uint64_t offset, uint32_t size)
{
    char out[4096];
    size_t used = 0;
    uint64_t index = 0;
    if (size > sizeof out)
        size = sizeof out;
    for (size_t i = 1; i < NNODES; i++) {
        if (nodes[i].parent != dir->ino || index++ < offset)
            continue;
        size_t namelen = strlen(nodes[i].name);
        size_t entry = FUSE_DIRENT_ALIGN(FUSE_NAME_OFFSET + namelen);
        if (used + entry > size)
            break;
        struct fuse_dirent *d = (struct fuse_dirent *)(out + used);
        memset(d, 0, entry);
        d->ino = nodes[i].ino;
        d->off = index;
        d->namelen = (uint32_t)namelen;
        d->type = nodes[i].mode >> 12;
        memcpy(d->name, nodes[i].name, namelen);
        used += entry;
    }
    reply(unique, 0, out, used);
}

static void serve(const struct fuse_in_header *in, const char *body)
{
    const struct node *n = node_of(in->nodeid);
    switch (in->opcode) {
    case FUSE_INIT: {
        const struct fuse_init_in *init = (const void *)body;
        struct fuse_init_out out = {.major = FUSE_KERNEL_VERSION,
                                    .minor = init->minor < FUSE_KERNEL_MINOR_VERSION
                                                     ? init->minor
                                                     : FUSE_KERNEL_MINOR_VERSION,
                                    .max_readahead = init->max_readahead,
                                    .max_write = 4096};
        reply(in->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_FORGET:
    case FUSE_BATCH_FORGET:
    case FUSE_INTERRUPT: return; /* no reply */
    case FUSE_LOOKUP:
        for (size_t i = 1; i < NNODES; i++)
            if (n && nodes[i].parent == n->ino && strcmp(nodes[i].name, body) == 0) {
                reply_entry(in->unique, &nodes[i]);
                return;
            }
        reply(in->unique, -ENOENT, NULL, 0);
        return;
    case FUSE_GETATTR: {
        if (!n)
            break;
        struct fuse_attr_out out = {.attr_valid = 1};
        attr_of(n, &out.attr);
        reply(in->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_OPEN:
    case FUSE_OPENDIR: {
        struct fuse_open_out out = {.fh = in->nodeid};
        reply(in->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_READDIR: {
        const struct fuse_read_in *read = (const void *)body;
        if (!n || !S_ISDIR(n->mode))
            break;
        reply_readdir(in->unique, n, read->offset, read->size);
        return;
    }
    case FUSE_READ: /* /bin/sh is empty */
    case FUSE_RELEASE:
    case FUSE_RELEASEDIR:
    case FUSE_FLUSH: reply(in->unique, 0, NULL, 0); return;
    case FUSE_STATFS: {
        struct fuse_statfs_out out = {.st = {.bsize = 4096, .frsize = 4096, .namelen = 255}};
        reply(in->unique, 0, &out, sizeof out);
        return;
    }
    case FUSE_IOCTL:
        /* What this file system is for: libkrun's answer to FS_IOC_GETFLAGS and the rest. */
        reply(in->unique, -EOPNOTSUPP, NULL, 0);
        return;
    }
    /* Everything else (xattrs, access, writes) is not implemented; the kernel asks no more. */
    reply(in->unique, -ENOSYS, NULL, 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: eopnotsupp-fs MOUNTPOINT\n");
        return 2;
    }
    fuse_fd = open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (fuse_fd < 0)
        die("open", "/dev/fuse");
    char options[128];
    snprintf(options, sizeof options, "fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other",
             fuse_fd);
    if (mount("eopnotsupp-fs", argv[1], "fuse", MS_NOSUID | MS_NODEV | MS_RDONLY, options) != 0)
        die("mount on", argv[1]);
    printf("ready\n");
    fflush(stdout);
    static char buffer[FUSE_MIN_READ_BUFFER + 65536];
    for (;;) {
        ssize_t got = read(fuse_fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR || errno == ENOENT)
                continue;
            if (errno == ENODEV)
                return 0; /* unmounted */
            die("read", "/dev/fuse");
        }
        if ((size_t)got < sizeof(struct fuse_in_header))
            continue;
        serve((const struct fuse_in_header *)buffer, buffer + sizeof(struct fuse_in_header));
    }
}
