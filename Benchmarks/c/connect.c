/* Connection rate over TCP loopback: socket + connect + accept + close (client first) cycles in
 * one thread against one listener. Connections per second.
 * --api create_connection: the client side is Python's create_connection(("127.0.0.1", port)):
 * getaddrinfo(host, port, AF_UNSPEC, SOCK_STREAM) with the int port formatted per call as CPython's
 * getaddrinfo does, socket + connect on the first result,
 * freeaddrinfo; the server's accept also formats the peer's address as Python's accept() does. */
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
    if (strcmp(arg_str(argc, argv, "--api", "socket"), "create_connection") == 0) {
        volatile long number = ntohs(a.sin_port);
        struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM };
        volatile long sink = 0;
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            /* The port is an int, formatted per call as CPython's getaddrinfo does (PyOS_snprintf "%ld"). */
            char port[32];
            snprintf(port, sizeof port, "%ld", number);
            struct addrinfo *res;
            int rc = getaddrinfo("127.0.0.1", port, &hints, &res);
            if (rc != 0) { fprintf(stderr, "error: getaddrinfo: %s\n", gai_strerror(rc)); return 1; }
            int c = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
            if (c < 0) die("socket");
            if (connect(c, res->ai_addr, res->ai_addrlen) < 0) die("connect");
            freeaddrinfo(res);
            struct sockaddr_in peer;
            socklen_t plen = sizeof peer;
            int s = accept4(l, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
            if (s < 0) die("accept");
            char host[INET_ADDRSTRLEN];
            if (inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host) == NULL) die("inet_ntop");
            sink += host[0] + ntohs(peer.sin_port);
            close(c);
            close(s);
        }
        double dt = now_s() - t0;
        close(l);
        report("create_connection_close", "connections/s", (double)iters, dt, (double)iters / dt);
        return 0;
    }
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
