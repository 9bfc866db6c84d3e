/*
 * krun-netguard: runs the VM process under a seccomp filter that hands its connect and send
 * calls to a supervisor process, which answers each from the run's network policy. The
 * policy file's and the refusal table's formats are described in native/README.md; the
 * host writes the one (src/engine/vm-process/network-policy.ts) and reads the other
 * (src/engine/vm-process/refused-table.ts).
 */
#ifndef NETGUARD_H
#define NETGUARD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* A destination as the supervisor checks it: IPv4 as 4 bytes, IPv6 as 16. */
struct destination {
    uint8_t family;   /* NG_INET, NG_INET6, NG_UNIX or NG_FOREIGN (any other family) */
    uint8_t protocol; /* NG_TCP, NG_UDP or NG_OTHER */
    uint16_t port;
    uint8_t address[16];
};

enum { NG_FOREIGN = 0, NG_UNIX = 1, NG_INET = 4, NG_INET6 = 6 };
enum { NG_OTHER = 0, NG_TCP = 6, NG_UDP = 17 };

/* policy.c: the ordered rules of the policy file; the first that matches decides. */
struct policy;
struct policy *policy_load(const char *path);
bool policy_allows(const struct policy *policy, const struct destination *to);

/* table.c: the refusals, counted in the mapped table file. */
struct table;
struct table *table_map(int fd);
void table_record(struct table *table, const struct destination *to);

/* filter.c: installs the filter; returns the listener fd, or -1 with errno set. */
int filter_install(void);

/*
 * address.c: calls check for each destination the trapped call names (none for a connected
 * socket) and returns true when every check did; false as soon as one refuses or the
 * call's memory cannot be read.
 */
struct seccomp_notif;
typedef bool (*destination_check)(const struct destination *to, void *context);
bool check_destinations(const struct seccomp_notif *req, destination_check check, void *context);

/* supervise.c: answers notifications until the listener closes; never returns. */
void supervise(int listener, pid_t vm_pid, const char *policy_path, struct table *table);

#endif
