/*
 * The supervisor's loop: each trapped call is read, checked against the policy, and then
 * let through or refused with ECONNREFUSED; never left waiting.
 *
 * Letting a call through (SECCOMP_USER_NOTIF_FLAG_CONTINUE) makes the kernel read its
 * address again, after the check: another thread of the caller could change it in between.
 * Under libkrun the callers are the VMM's own threads and the address is in the VMM's own
 * memory, which the guest cannot write; only the stand-in's guest processes, which are
 * host processes, could race it, and they stand in for a guest in tests.
 */
#include "netguard.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

struct verdict_context {
    const struct policy *policy;
    struct table *table;
    pid_t vm_pid;
    pid_t caller;
};

/* The thread group (process) a thread belongs to, from /proc; 0 when it is gone. */
static pid_t thread_group_of(pid_t tid)
{
    char path[64], line[128];
    snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
    FILE *status = fopen(path, "re");
    pid_t tgid = 0;
    if (!status)
        return 0;
    while (fgets(line, sizeof line, status)) {
        if (strncmp(line, "Tgid:", 5) == 0) {
            tgid = (pid_t)atoi(line + 5);
            break;
        }
    }
    fclose(status);
    return tgid;
}

/*
 * An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) address, as IPv4; :: and
 * ::1 stay IPv6, where the policy names them.
 */
static void unwrap_ipv4(struct destination *to)
{
    static const uint8_t zeros[12];
    const uint8_t *a = to->address;
    bool mapped = memcmp(a, zeros, 10) == 0 && a[10] == 0xff && a[11] == 0xff;
    bool compatible = memcmp(a, zeros, 12) == 0 && (a[12] | a[13] | a[14] || a[15] > 1);
    if (to->family != NG_INET6 || !(mapped || compatible))
        return;
    to->family = NG_INET;
    memmove(to->address, a + 12, 4);
    memset(to->address + 4, 0, 12);
}

static bool allowed(const struct destination *to, const struct verdict_context *context)
{
    switch (to->family) {
    case NG_INET:
    case NG_INET6: {
        struct destination checked = *to;
        unwrap_ipv4(&checked);
        return policy_allows(context->policy, &checked);
    }
    case NG_UNIX:
        /* The VM process's own threads open host sockets for the guest (libkrun's TSI); a
           stand-in guest process's unix sockets are the guest's own. */
        return thread_group_of(context->caller) != context->vm_pid;
    }
    return false;
}

static bool check_one(const struct destination *to, void *opaque)
{
    struct verdict_context *context = opaque;
    if (allowed(to, context))
        return true;
    table_record(context->table, to);
    return false;
}

static void answer(int listener, struct seccomp_notif_resp *resp, uint64_t id, bool allow)
{
    resp->id = id;
    resp->val = 0;
    resp->error = allow ? 0 : -ECONNREFUSED;
    resp->flags = allow ? SECCOMP_USER_NOTIF_FLAG_CONTINUE : 0;
    /* ENOENT: the caller is gone (killed, or its call interrupted): nothing to answer. */
    while (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp) != 0 && errno == EINTR) {
    }
}

void supervise(int listener, pid_t vm_pid, const char *policy_path, struct table *table)
{
    struct seccomp_notif_sizes sizes;
    if (syscall(__NR_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
        _exit(1);
    size_t req_size = sizes.seccomp_notif > sizeof(struct seccomp_notif)
                              ? sizes.seccomp_notif
                              : sizeof(struct seccomp_notif);
    size_t resp_size = sizes.seccomp_notif_resp > sizeof(struct seccomp_notif_resp)
                               ? sizes.seccomp_notif_resp
                               : sizeof(struct seccomp_notif_resp);
    struct seccomp_notif *req = malloc(req_size);
    struct seccomp_notif_resp *resp = malloc(resp_size);
    if (!req || !resp)
        _exit(1);
    struct verdict_context context = {.table = table, .vm_pid = vm_pid};
    struct policy *policy = NULL;
    for (;;) {
        memset(req, 0, req_size);
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req) != 0) {
            if (errno == EINTR || errno == ENOENT)
                continue;
            _exit(0);
        }
        memset(resp, 0, resp_size);
        /* The host writes the policy before the guest may start; until then all is refused. */
        if (!policy)
            policy = policy_load(policy_path);
        context.policy = policy;
        context.caller = (pid_t)req->pid;
        bool allow = policy && check_destinations(req, check_one, &context);
        /* What was read is only the caller's if the call is still waiting for us. */
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) != 0)
            continue;
        answer(listener, resp, req->id, allow);
    }
}
