/*
 * An LD_AUDIT library for the aarch64 end-to-end tier (__tests__/e2e-aarch64.test.ts),
 * where the action's VM process is Node.js for arm64 under QEMU's user-mode emulation.
 *
 * The VM process opens the KVM device and asks it KVM_GET_API_VERSION. QEMU's user mode
 * keeps a table of the ioctls it knows how to translate, and answers every other one
 * itself with ENOTTY, without a system call: the request never reaches the host kernel,
 * so nothing on the host (a KVM device, or the stand-in for one that with-kvm serves) can
 * answer it. This library answers it inside the emulated process instead.
 *
 * The dynamic loader tells an audit library of every symbol binding to an object it marks
 * with LA_FLG_BINDTO, dlsym() lookups included (koffi finds ioctl with dlsym on the C
 * library's handle, where LD_PRELOAD would not reach). Bindings of `ioctl` in the C library
 * are pointed at answer_ioctl. Every request but KVM_GET_API_VERSION goes straight to the
 * real ioctl. That one is made as a system call first: when it fails with ENOTTY on the KVM
 * device (a descriptor open on the path KRUN_KVM_DEVICE names, else /dev/kvm, as with-kvm
 * tells it), the answer is 12, as Linux's KVM gives; any other outcome is the real ioctl's.
 *
 * An audit library has a C library of its own, with its own errno: the system call is made
 * through that one, so its errno can be read here; the caller's errno is set only by the
 * real ioctl. The device itself must still exist and open read-write.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KVM_GET_API_VERSION 0xAE00UL
#define KVM_API_VERSION     12

static int (*real_ioctl)(int fd, unsigned long request, ...);

/* Whether fd was opened through the KVM device's path (a stand-in device there may be a bind
   of another device, the same file under another name). */
static int is_kvm_device(int fd)
{
    const char *device = getenv("KRUN_KVM_DEVICE");
    if (!device || !*device)
        device = "/dev/kvm";
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, target, sizeof target - 1);
    if (length < 0)
        return 0;
    target[length] = '\0';
    return strcmp(target, device) == 0;
}

static int answer_ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    if (request == KVM_GET_API_VERSION) {
        long answer = syscall(SYS_ioctl, fd, request, arg);
        if (answer >= 0)
            return (int)answer;
        if (errno == ENOTTY && is_kvm_device(fd))
            return KVM_API_VERSION;
    }
    return real_ioctl(fd, request, arg);
}

unsigned int la_version(unsigned int version)
{
    return version < LAV_CURRENT ? version : LAV_CURRENT;
}

unsigned int la_objopen(struct link_map *map, Lmid_t lmid, uintptr_t *cookie)
{
    (void)lmid;
    (void)cookie;
    const char *slash = strrchr(map->l_name, '/');
    const char *name = slash ? slash + 1 : map->l_name;
    return strcmp(name, "libc.so.6") == 0 ? LA_FLG_BINDTO : 0;
}

uintptr_t la_symbind64(Elf64_Sym *sym, unsigned int ndx, uintptr_t *refcook, uintptr_t *defcook,
                       unsigned int *flags, const char *symname)
{
    (void)ndx;
    (void)refcook;
    (void)defcook;
    /* No per-call hooks are wanted: bind once, then call straight through. */
    *flags |= LA_SYMB_NOPLTENTER | LA_SYMB_NOPLTEXIT;
    if (strcmp(symname, "ioctl") != 0)
        return sym->st_value;
    real_ioctl = (int (*)(int, unsigned long, ...))sym->st_value;
    return (uintptr_t)answer_ioctl;
}
