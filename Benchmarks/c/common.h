/* Shared helpers for the C baselines: raw system calls, a monotonic clock, argument parsing,
 * and the one JSON line every benchmark program prints. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static inline void die(const char *what) {
    fprintf(stderr, "error: %s: %s\n", what, strerror(errno));
    exit(1);
}

static inline double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --name value pairs; returns the value of --name or def. */
static inline const char *arg_str(int argc, char **argv, const char *name, const char *def) {
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0) return argv[i + 1];
    return def;
}
static inline long arg_long(int argc, char **argv, const char *name, long def) {
    const char *v = arg_str(argc, argv, name, NULL);
    return v ? atol(v) : def;
}
static inline double arg_double(int argc, char **argv, const char *name, double def) {
    const char *v = arg_str(argc, argv, name, NULL);
    return v ? atof(v) : def;
}

static inline void report(const char *workload, const char *unit, double ops, double seconds, double rate) {
    printf("{\"impl\": \"c\", \"workload\": \"%s\", \"unit\": \"%s\", \"ops\": %.0f, \"seconds\": %.6f, \"rate\": %.3f}\n",
           workload, unit, ops, seconds, rate);
    fflush(stdout);
}

/* ---- timeout mode: the fd is non-blocking; try the call, poll on EAGAIN within a deadline ---- */

static inline void set_nonblocking(int fd) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) die("fcntl");
}

/* Waits for `events` on fd until the absolute deadline; exits on timeout. */
static inline void wait_fd(int fd, short events, double deadline) {
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) { fprintf(stderr, "error: timed out\n"); exit(1); }
        struct pollfd p = { .fd = fd, .events = events };
        int r = poll(&p, 1, (int)(left * 1000.0 + 0.999));
        if (r > 0) return;
        if (r < 0 && errno != EINTR) die("poll");
    }
}

/* timeout < 0: blocking fd, plain calls. timeout >= 0: non-blocking fd, poll on EAGAIN. */
static inline ssize_t t_send(int fd, const void *buf, size_t n, double timeout) {
    double deadline = 0;
    for (;;) {
        ssize_t r = send(fd, buf, n, 0);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (timeout < 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) die("send");
        if (deadline == 0) deadline = now_s() + timeout;
        wait_fd(fd, POLLOUT, deadline);
    }
}

static inline ssize_t t_recv(int fd, void *buf, size_t n, double timeout) {
    double deadline = 0;
    for (;;) {
        ssize_t r = recv(fd, buf, n, 0);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (timeout < 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) die("recv");
        if (deadline == 0) deadline = now_s() + timeout;
        wait_fd(fd, POLLIN, deadline);
    }
}

/* sendall: one deadline for the whole call, as CPython's sendall. */
static inline void t_sendall(int fd, const char *buf, size_t n, double timeout) {
    double deadline = timeout >= 0 ? now_s() + timeout : 0;
    while (n > 0) {
        ssize_t r = send(fd, buf, n, 0);
        if (r >= 0) { buf += r; n -= (size_t)r; continue; }
        if (errno == EINTR) continue;
        if (timeout < 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) die("send");
        wait_fd(fd, POLLOUT, deadline);
    }
}

/* A connected TCP pair over 127.0.0.1 (client, accepted server side); TCP_NODELAY if asked. */
static inline void tcp_pair(int fds[2], int nodelay) {
    int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (l < 0) die("socket");
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
    if (listen(l, 1) < 0) die("listen");
    socklen_t len = sizeof a;
    if (getsockname(l, (struct sockaddr *)&a, &len) < 0) die("getsockname");
    int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c < 0) die("socket");
    if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
    int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
    if (s < 0) die("accept");
    close(l);
    if (nodelay) {
        int one = 1;
        if (setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) die("setsockopt");
        if (setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) die("setsockopt");
    }
    fds[0] = c;
    fds[1] = s;
}
#endif
