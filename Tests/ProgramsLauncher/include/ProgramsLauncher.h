// The launcher that lets the test binary run one whole-program port (see launcher.c).
#ifndef PROGRAMS_LAUNCHER_H
#define PROGRAMS_LAUNCHER_H
/// Referenced by ProgramsTests so that the launcher's object file is always linked.
int pysocket_programs_launcher_linked(void);
#endif
