// Lets the test binary become one whole-program port or example: with PYSOCKET_PROGRAM=program_NAME
// (or example_NAME) in its environment it runs that executable's top-level code (linked in as
// `program_NAME_main`) before the test runner starts, and exits with its status. ProgramsTests spawns the test binary itself this way, so that
// `swift test` always runs ports built from the current sources (it does not link the executables).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include "ProgramsLauncher.h"

__attribute__((constructor)) static void pysocket_run_program_if_asked(int argc, char **argv) {
    (void)argc;
    const char *name = getenv("PYSOCKET_PROGRAM");
    if (name == NULL) return;
    char symbol[200];
    snprintf(symbol, sizeof symbol, "%s_main", name);
    int (*entry)(int, char **) = (int (*)(int, char **))dlsym(RTLD_DEFAULT, symbol);
    if (entry == NULL) {
        fprintf(stderr, "ProgramsLauncher: %s is not linked into this test binary\n", symbol);
        exit(127);
    }
    unsetenv("PYSOCKET_PROGRAM");
    char *args[] = { argv[0], NULL };
    exit(entry(1, args));
}

int pysocket_programs_launcher_linked(void) { return 1; }

int pysocket_spawn_program(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                           const char *directory, const char *out, const char *err) {
    posix_spawn_file_actions_t actions;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) return rc;
    if ((rc = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) == 0 &&
        (rc = posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == 0 &&
        (rc = posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == 0 &&
        (rc = posix_spawn_file_actions_addchdir_np(&actions, directory)) == 0 &&
        (rc = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) == 0) {
        rc = posix_spawn(pid, path, &actions, NULL, argv, envp);
    }
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}
