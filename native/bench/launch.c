/*
 * krun-launch: the smallest possible libkrun launch, for the benchmark only. It measures
 * libkrun itself, without the action's Node layers.
 *
 *   krun-launch [-s TAG=HOST_PATH]... <path-to-libkrun.so.1> <root-dir> <exec-path> [args...]
 *
 * Each -s adds a virtio-fs share, as the action does for the base and the workspace.
 *
 * One vCPU, 512 MiB, workdir "/", an empty environment. On success libkrun ends the
 * process with the guest's exit code; any failure before that prints
 * "krun-launch: <call>: <reason>" and exits 125.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FAIL_CODE 125

typedef int32_t (*create_ctx_fn)(void);
typedef int32_t (*set_vm_config_fn)(uint32_t, uint8_t, uint32_t);
typedef int32_t (*set_path_fn)(uint32_t, const char *);
typedef int32_t (*set_exec_fn)(uint32_t, const char *, const char *const[], const char *const[]);
typedef int32_t (*start_enter_fn)(uint32_t);
typedef int32_t (*add_virtiofs_fn)(uint32_t, const char *, const char *);

#define MAX_SHARES 8

static void *lib;

static void fail(const char *call, const char *reason)
{
    fprintf(stderr, "krun-launch: %s: %s\n", call, reason);
    exit(FAIL_CODE);
}

static void *sym(const char *name)
{
    dlerror();
    void *p = dlsym(lib, name);
    if (!p) {
        const char *e = dlerror();
        fail(name, e ? e : "symbol not found");
    }
    return p;
}

static void check(const char *call, int32_t rc)
{
    if (rc < 0)
        fail(call, strerror(-rc));
}

int main(int argc, char **argv)
{
    char *share_tags[MAX_SHARES];
    char *share_paths[MAX_SHARES];
    int shares = 0;
    while (argc > 2 && strcmp(argv[1], "-s") == 0) {
        char *eq = strchr(argv[2], '=');
        if (!eq || shares == MAX_SHARES)
            fail("-s", "expected TAG=HOST_PATH, at most 8 times");
        *eq = '\0';
        share_tags[shares] = argv[2];
        share_paths[shares] = eq + 1;
        shares++;
        argv += 2;
        argc -= 2;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: krun-launch [-s TAG=HOST_PATH]... <path-to-libkrun.so.1> "
                        "<root-dir> <exec-path> [args...]\n");
        return FAIL_CODE;
    }

    /* libkrun would take a descriptor it opens for the guest's stdin if fd 0 were free. */
    if (fcntl(STDIN_FILENO, F_GETFD) < 0 && errno == EBADF) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0)
            fail("open /dev/null", strerror(errno));
        if (fd != STDIN_FILENO) {
            dup2(fd, STDIN_FILENO);
            close(fd);
        }
    }

    lib = dlopen(argv[1], RTLD_NOW);
    if (!lib) {
        const char *e = dlerror();
        fail("dlopen", e ? e : argv[1]);
    }

    create_ctx_fn create_ctx = (create_ctx_fn)sym("krun_create_ctx");
    set_vm_config_fn set_vm_config = (set_vm_config_fn)sym("krun_set_vm_config");
    set_path_fn set_root = (set_path_fn)sym("krun_set_root");
    set_path_fn set_workdir = (set_path_fn)sym("krun_set_workdir");
    set_exec_fn set_exec = (set_exec_fn)sym("krun_set_exec");
    start_enter_fn start_enter = (start_enter_fn)sym("krun_start_enter");

    int32_t ctx = create_ctx();
    check("krun_create_ctx", ctx);
    uint32_t id = (uint32_t)ctx;
    check("krun_set_vm_config", set_vm_config(id, 1, 512));
    check("krun_set_root", set_root(id, argv[2]));
    if (shares > 0) {
        add_virtiofs_fn add_virtiofs = (add_virtiofs_fn)sym("krun_add_virtiofs");
        for (int i = 0; i < shares; i++)
            check("krun_add_virtiofs", add_virtiofs(id, share_tags[i], share_paths[i]));
    }
    check("krun_set_workdir", set_workdir(id, "/"));
    static const char *const empty_env[] = {NULL};
    check("krun_set_exec", set_exec(id, argv[3], (const char *const *)&argv[4], empty_env));
    /* Returns only when the VM could not start. */
    check("krun_start_enter", start_enter(id));
    fail("krun_start_enter", "returned without starting the VM");
    return FAIL_CODE;
}
