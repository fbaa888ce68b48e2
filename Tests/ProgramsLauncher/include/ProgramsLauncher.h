// The launcher that lets the test binary run one whole-program port (see launcher.c).
#ifndef PROGRAMS_LAUNCHER_H
#define PROGRAMS_LAUNCHER_H
/// Referenced by ProgramsTests so that the launcher's object file is always linked.
int pysocket_programs_launcher_linked(void);
#include <sys/types.h>
/// Starts `path` with `argv` and `envp` in `directory`, standard input /dev/null, standard output
/// and error into the files `out` and `err` (created or truncated), and no other descriptor
/// inherited; returns posix_spawn's result (0 or an errno) and the child's pid in `pid`.
int pysocket_spawn_program(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                           const char *directory, const char *out, const char *err);
#endif
