/* Connection rate over TCP loopback: socket + connect + accept + close (client first) cycles in
 * one thread against one listener. Connections per second. */
#include "common.h"

int main(int argc, char **argv) {
    long iters = arg_long(argc, argv, "--iters", 5000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);

    int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (l < 0) die("socket");
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
    if (listen(l, 128) < 0) die("listen");
    socklen_t len = sizeof a;
    if (getsockname(l, (struct sockaddr *)&a, &len) < 0) die("getsockname");

    double t0 = 0;
    for (long i = 0; i < iters + warmup; i++) {
        if (i == warmup) t0 = now_s();
        int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c < 0) die("socket");
        if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        int s = accept4(l, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
        if (s < 0) die("accept");
        close(c);
        close(s);
    }
    double dt = now_s() - t0;
    close(l);
    report("connect_accept_close", "connections/s", (double)iters, dt, (double)iters / dt);
    return 0;
}
