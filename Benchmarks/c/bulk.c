/* Bulk TCP loopback: one thread sendall()s `--mib` MiB in 64 KiB chunks, the main thread
 * recv_into()s a 64 KiB buffer until all has arrived; optionally with a timeout. MiB/s. */
#include "common.h"

#define CHUNK 65536
static double g_timeout = -1;
static long g_chunks;

static void *sender(void *arg) {
    int fd = *(int *)arg;
    static char chunk[CHUNK];
    memset(chunk, 'x', sizeof chunk);
    for (long i = 0; i < g_chunks; i++) t_sendall(fd, chunk, CHUNK, g_timeout);
    return NULL;
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    long mib = arg_long(argc, argv, "--mib", 2048);
    g_timeout = arg_double(argc, argv, "--timeout", -1);
    g_chunks = mib * 1024 * 1024 / CHUNK;
    long long total = (long long)g_chunks * CHUNK;

    int fds[2];
    tcp_pair(fds, 0);
    if (g_timeout >= 0) { set_nonblocking(fds[0]); set_nonblocking(fds[1]); }

    static char buf[CHUNK];
    double t0 = now_s();
    pthread_t th;
    if (pthread_create(&th, NULL, sender, &fds[0]) != 0) die("pthread_create");
    long long got = 0;
    while (got < total) {
        ssize_t n = t_recv(fds[1], buf, CHUNK, g_timeout);
        if (n == 0) { fprintf(stderr, "error: early EOF\n"); return 1; }
        got += n;
    }
    double dt = now_s() - t0;
    pthread_join(th, NULL);
    close(fds[0]);
    close(fds[1]);
    report(g_timeout >= 0 ? "bulk_tcp_timeout" : "bulk_tcp", "MiB/s", (double)mib, dt, (double)mib / dt);
    return 0;
}
