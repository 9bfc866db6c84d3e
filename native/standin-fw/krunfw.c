/*
 * A stand-in libkrunfw for the stand-in libkrun: libkrunfw's two calls, and no kernel.
 * Nothing boots from it. The doctor loads it by soname, as it loads a real libkrunfw, to
 * check that the one libkrun needs is there; a test's libkrun archive ships it beside the
 * stand-in libkrun. KRUNFW_ABI is the ABI version it reports, which is also its soname's
 * number (5 for libkrun 1.17 and newer, 4 before).
 *   KRUN_STANDIN_KRUNFW_RECORD=<file>   append the path this library was loaded from, one
 *                                       line per load, so a test can tell which copy the VM
 *                                       process loaded
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KRUNFW_ABI
#error "build with -DKRUNFW_ABI=<the ABI version>"
#endif

__attribute__((visibility("default"))) char *krunfw_get_kernel(uint64_t *load_addr,
                                                               uint64_t *entry_addr, size_t *size)
{
    *load_addr = 0;
    *entry_addr = 0;
    *size = 0;
    return NULL;
}

__attribute__((visibility("default"))) uint32_t krunfw_get_version(void)
{
    return KRUNFW_ABI;
}

__attribute__((constructor)) static void record_load(void)
{
    const char *record = getenv("KRUN_STANDIN_KRUNFW_RECORD");
    Dl_info info;
    if (!record || !dladdr((void *)krunfw_get_version, &info) || !info.dli_fname)
        return;
    int fd = open(record, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    size_t len = strlen(info.dli_fname);
    char line[4097];
    if (len < sizeof(line)) {
        memcpy(line, info.dli_fname, len);
        line[len] = '\n';
        if (write(fd, line, len + 1) < 0) {
            /* Nothing to do: the test sees no line. */
        }
    }
    close(fd);
}
