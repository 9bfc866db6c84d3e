/*
 * A stand-in libkrunfw for the stand-in libkrun: libkrunfw's two calls, and no kernel.
 * Nothing boots from it; the doctor loads it by soname, as it loads a real libkrunfw, to
 * check that the one libkrun needs is there. KRUNFW_ABI is the ABI version it reports,
 * which is also its soname's number (5 for libkrun 1.17 and newer, 4 before).
 */
#include <stddef.h>
#include <stdint.h>

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
