/*
 * A stand-in libkrunfw.so.5 for tests: the library a libkrun archive ships beside libkrun.so.1.
 * It holds no kernel; it exports krunfw_get_version, as libkrunfw does, and says when and from
 * where it was loaded, so a test can tell that the VM process loaded the libkrunfw beside its
 * libkrun:
 *   KRUN_STANDIN_KRUNFW_RECORD=<file>   append the path this library was loaded from, one line
 *                                       per load, when the library is loaded
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((visibility("default"))) unsigned int krunfw_get_version(void)
{
    return 5;
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
