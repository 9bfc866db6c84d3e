/*
 * The seccomp filter: connect, sendto, sendmsg and sendmmsg go to the supervisor;
 * io_uring_setup fails (its rings would make the same calls without the filter seeing
 * them); a call of another architecture's ABI (x32, or i386 on x86_64) is never allowed.
 * Everything else runs as it would.
 */
#include "netguard.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH    AUDIT_ARCH_X86_64
#define FOREIGN_NR_BIT 0x40000000u /* __X32_SYSCALL_BIT */
#elif defined(__aarch64__)
#define NATIVE_ARCH    AUDIT_ARCH_AARCH64
#define FOREIGN_NR_BIT 0u
#else
#error "krun-netguard is built for x86_64 and aarch64"
#endif

#define LOAD(field)   BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
#define RETURN(value) BPF_STMT(BPF_RET | BPF_K, (value))
/* Jumps `over` instructions when the loaded value equals `value`. */
#define IF_EQUAL_SKIP(value, over) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (value), (over), 0)

int filter_install(void)
{
    struct sock_filter code[] = {
            LOAD(arch),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 1, 0),
            RETURN(SECCOMP_RET_KILL_PROCESS),
            LOAD(nr),
            /* With no foreign bit this compares against 0: never set, so never taken. */
            BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, FOREIGN_NR_BIT, 0, 1),
            RETURN(SECCOMP_RET_ERRNO | ENOSYS),
            IF_EQUAL_SKIP(__NR_connect, 5),
            IF_EQUAL_SKIP(__NR_sendto, 4),
            IF_EQUAL_SKIP(__NR_sendmsg, 3),
            IF_EQUAL_SKIP(__NR_sendmmsg, 2),
            IF_EQUAL_SKIP(__NR_io_uring_setup, 2),
            RETURN(SECCOMP_RET_ALLOW),
            RETURN(SECCOMP_RET_USER_NOTIF),
            RETURN(SECCOMP_RET_ERRNO | ENOSYS),
    };
    struct sock_fprog program = {.len = sizeof code / sizeof code[0], .filter = code};
    return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER,
                        &program);
}
