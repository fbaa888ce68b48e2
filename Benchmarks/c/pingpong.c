/* 1-byte ping-pong over an AF_UNIX socketpair or TCP loopback (TCP_NODELAY), in one thread or
 * across two, optionally with a timeout (non-blocking fd + poll). Round trips per second.
 * --api recv: each side receives with recv(fd, buf, bufsize) into a stack buffer of --bufsize
 * bytes (default 1024) and sends back what arrived: Python's `data = s.recv(1024)`. */
#include "common.h"

static double g_timeout = -1;
static long g_total;

static void *echo(void *arg) {
    int fd = *(int *)arg;
    char b = 0;
    for (long i = 0; i < g_total; i++) {
        if (t_recv(fd, &b, 1, g_timeout) != 1) { fprintf(stderr, "error: short recv\n"); exit(1); }
        if (t_send(fd, &b, 1, g_timeout) != 1) { fprintf(stderr, "error: short send\n"); exit(1); }
    }
    return NULL;
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    const char *transport = arg_str(argc, argv, "--transport", "unix");
    const char *mode = arg_str(argc, argv, "--mode", "inthread");
    long iters = arg_long(argc, argv, "--iters", 200000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);
    g_timeout = arg_double(argc, argv, "--timeout", -1);
    g_total = iters + warmup;
    int api_recv = strcmp(arg_str(argc, argv, "--api", "recv_into"), "recv") == 0;
    long bufsize = arg_long(argc, argv, "--bufsize", 1024);
    char rbuf[65536];
    if (bufsize > (long)sizeof rbuf) bufsize = sizeof rbuf;

    int fds[2];
    if (strcmp(transport, "unix") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) die("socketpair");
    } else {
        tcp_pair(fds, 1);
    }
    if (g_timeout >= 0) { set_nonblocking(fds[0]); set_nonblocking(fds[1]); }

    int a = fds[0], b = fds[1];
    char x = 'x', r = 0;
    int threads = strcmp(mode, "threads") == 0;
    pthread_t th;
    if (threads && pthread_create(&th, NULL, echo, &b) != 0) die("pthread_create");

    double t0 = 0;
    for (long i = 0; i < g_total; i++) {
        if (i == warmup) t0 = now_s();
        if (api_recv) {
            if (t_send(a, &x, 1, g_timeout) != 1) { fprintf(stderr, "error: short send\n"); return 1; }
            ssize_t n = t_recv(b, rbuf, (size_t)bufsize, g_timeout);
            if (n != 1) { fprintf(stderr, "error: short recv\n"); return 1; }
            if (t_send(b, rbuf, (size_t)n, g_timeout) != 1) { fprintf(stderr, "error: short send\n"); return 1; }
            if (t_recv(a, rbuf, (size_t)bufsize, g_timeout) != 1) { fprintf(stderr, "error: short recv\n"); return 1; }
            continue;
        }
        if (t_send(a, &x, 1, g_timeout) != 1) { fprintf(stderr, "error: short send\n"); return 1; }
        if (!threads) {
            if (t_recv(b, &r, 1, g_timeout) != 1) { fprintf(stderr, "error: short recv\n"); return 1; }
            if (t_send(b, &r, 1, g_timeout) != 1) { fprintf(stderr, "error: short send\n"); return 1; }
        }
        if (t_recv(a, &r, 1, g_timeout) != 1) { fprintf(stderr, "error: short recv\n"); return 1; }
    }
    double dt = now_s() - t0;
    if (threads) pthread_join(th, NULL);
    close(a);
    close(b);

    char name[96];
    snprintf(name, sizeof name, "pingpong_%s_%s%s%s", transport, mode, api_recv ? "_recv" : "", g_timeout >= 0 ? "_timeout" : "");
    report(name, "round trips/s", (double)iters, dt, (double)iters / dt);
    return 0;
}
