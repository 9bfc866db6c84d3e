/*
 * What a trapped call would reach, read from the calling process's memory: connect's and
 * sendto's address, sendmsg's msg_name, each of sendmmsg's. No address (a connected
 * socket) names no destination: the connect that made it was checked.
 */
#define _GNU_SOURCE
#include "netguard.h"

#include <linux/seccomp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* The kernel's limit on sendmmsg's vector (UIO_MAXIOV). */
#define MAX_MESSAGES 1024

static bool read_memory(pid_t pid, uint64_t from, void *to, size_t size)
{
    struct iovec local = {.iov_base = to, .iov_len = size};
    struct iovec remote = {.iov_base = (void *)(uintptr_t)from, .iov_len = size};
    return process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)size;
}

/* TCP or UDP by the socket's type; unknown when the socket cannot be looked at. */
static uint8_t socket_protocol(pid_t pid, int fd)
{
    uint8_t protocol = NG_OTHER;
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (pidfd < 0)
        return protocol;
    int socket = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
    int type = 0;
    socklen_t length = sizeof type;
    if (socket >= 0 && getsockopt(socket, SOL_SOCKET, SO_TYPE, &type, &length) == 0)
        protocol = type == SOCK_STREAM ? NG_TCP : type == SOCK_DGRAM ? NG_UDP : NG_OTHER;
    if (socket >= 0)
        close(socket);
    close(pidfd);
    return protocol;
}

/* Checks the socket address at `at` (of `length` bytes) in the calling process. */
static bool check_address(const struct seccomp_notif *req, uint64_t at, uint64_t length,
                          destination_check check, void *context)
{
    if (at == 0 || length == 0)
        return true;
    struct sockaddr_storage address;
    memset(&address, 0, sizeof address);
    size_t size = length < sizeof address ? (size_t)length : sizeof address;
    if (size < sizeof(sa_family_t) || !read_memory(req->pid, at, &address, size))
        return false;
    struct destination to = {.family = NG_FOREIGN};
    switch (address.ss_family) {
    case AF_UNSPEC:
    case AF_NETLINK: return true;
    case AF_UNIX: to.family = NG_UNIX; break;
    case AF_INET: {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&address;
        if (size < sizeof *in)
            return false;
        to.family = NG_INET;
        to.port = ntohs(in->sin_port);
        memcpy(to.address, &in->sin_addr, 4);
        break;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&address;
        if (size < offsetof(struct sockaddr_in6, sin6_scope_id))
            return false;
        to.family = NG_INET6;
        to.port = ntohs(in6->sin6_port);
        memcpy(to.address, &in6->sin6_addr, 16);
        break;
    }
    }
    to.protocol = socket_protocol(req->pid, (int)req->data.args[0]);
    return check(&to, context);
}

/* msghdr as the 64-bit ABIs lay it out: the address and its length come first. */
struct message_head {
    uint64_t name;
    uint32_t name_length;
};

static bool check_messages(const struct seccomp_notif *req, uint64_t at, uint64_t count,
                           size_t stride, destination_check check, void *context)
{
    if (count > MAX_MESSAGES)
        count = MAX_MESSAGES;
    for (uint64_t i = 0; i < count; i++) {
        struct message_head head;
        if (!read_memory(req->pid, at + i * stride, &head, sizeof head))
            return false;
        if (!check_address(req, head.name, head.name_length, check, context))
            return false;
    }
    return true;
}

bool check_destinations(const struct seccomp_notif *req, destination_check check, void *context)
{
    const __u64 *args = req->data.args;
    switch (req->data.nr) {
    case __NR_connect: return check_address(req, args[1], args[2], check, context);
    case __NR_sendto: return check_address(req, args[4], args[5], check, context);
    case __NR_sendmsg: return check_messages(req, args[1], 1, 0, check, context);
    case __NR_sendmmsg:
        return check_messages(req, args[1], args[2], sizeof(struct mmsghdr), check, context);
    }
    return false;
}
