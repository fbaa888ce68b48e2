/* A line protocol in one thread over an AF_UNIX socketpair or TCP loopback: A sends a request
 * line, B reads it with a buffered line reader and sends it back, A reads the reply line.
 * Python's `f = s.makefile('rb')` + `f.readline()` on both ends; C's reader is the least such a
 * reader does: an 8 KiB buffer per socket, recv() when it holds no full line, memchr for '\n',
 * the line returned as a pointer into the buffer (no copy). Round trips per second. */
#include "common.h"

struct reader { int fd; size_t start, end; char buf[8192]; };

/* The next line (with its '\n') as a pointer and length into r->buf; exits at end of stream. */
static const char *read_line(struct reader *r, size_t *len) {
    for (;;) {
        char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
        if (nl) {
            const char *line = r->buf + r->start;
            *len = (size_t)(nl + 1 - line);
            r->start += *len;
            return line;
        }
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        ssize_t n = recv(r->fd, r->buf + r->end, sizeof r->buf - r->end, 0);
        if (n <= 0) die("recv");
        r->end += (size_t)n;
    }
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    const char *transport = arg_str(argc, argv, "--transport", "unix");
    long iters = arg_long(argc, argv, "--iters", 200000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);
    int fds[2];
    if (strcmp(transport, "unix") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) die("socketpair");
    } else {
        tcp_pair(fds, 1);
    }
    static struct reader ra, rb;
    ra.fd = fds[0];
    rb.fd = fds[1];
    const char *request = "GET /index.html HTTP/1.0 x=1\n";
    size_t rlen = strlen(request);
    double t0 = 0;
    for (long i = 0; i < iters + warmup; i++) {
        if (i == warmup) t0 = now_s();
        t_sendall(fds[0], request, rlen, -1);
        size_t len;
        const char *line = read_line(&rb, &len);
        t_sendall(fds[1], line, len, -1);
        line = read_line(&ra, &len);
        if (len != rlen) { fprintf(stderr, "error: short line\n"); return 1; }
    }
    double dt = now_s() - t0;
    close(fds[0]);
    close(fds[1]);
    char name[64];
    snprintf(name, sizeof name, "readline_%s", transport);
    report(name, "round trips/s", (double)iters, dt, (double)iters / dt);
    return 0;
}
