/* 64-byte UDP datagrams over loopback in one thread: sendto() one, recvfrom() it into a
 * buffer (recvfrom_into in Python), repeat. Datagrams per second.
 * --mode echo: a UDP echo in one thread, Python's idiom: the client sendto()s the server, the
 * server recvfrom()s (a 1024-byte buffer) and sendto()s the datagram back to the address it
 * came from, the client recvfrom()s it. Round trips per second (4 calls each). */
#include "common.h"

int main(int argc, char **argv) {
    long iters = arg_long(argc, argv, "--iters", 200000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);

    int rx = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int tx = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (rx < 0 || tx < 0) die("socket");
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(rx, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
    socklen_t len = sizeof a;
    if (getsockname(rx, (struct sockaddr *)&a, &len) < 0) die("getsockname");

    char msg[64], buf[64];
    memset(msg, 'x', sizeof msg);
    double t0 = 0;
    if (strcmp(arg_str(argc, argv, "--mode", "oneway"), "echo") == 0) {
        char rbuf[1024];
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            if (sendto(tx, msg, sizeof msg, 0, (struct sockaddr *)&a, sizeof a) != sizeof msg) die("sendto");
            struct sockaddr_storage from;
            socklen_t flen = sizeof from;
            ssize_t n = recvfrom(rx, rbuf, sizeof rbuf, 0, (struct sockaddr *)&from, &flen);
            if (n != sizeof msg) die("recvfrom");
            if (sendto(rx, rbuf, (size_t)n, 0, (struct sockaddr *)&from, flen) != n) die("sendto");
            flen = sizeof from;
            if (recvfrom(tx, rbuf, sizeof rbuf, 0, (struct sockaddr *)&from, &flen) != sizeof msg) die("recvfrom");
        }
        double dt = now_s() - t0;
        close(rx);
        close(tx);
        report("udp_echo", "round trips/s", (double)iters, dt, (double)iters / dt);
        return 0;
    }
    for (long i = 0; i < iters + warmup; i++) {
        if (i == warmup) t0 = now_s();
        if (sendto(tx, msg, sizeof msg, 0, (struct sockaddr *)&a, sizeof a) != sizeof msg) die("sendto");
        struct sockaddr_storage from;
        socklen_t flen = sizeof from;
        if (recvfrom(rx, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen) != sizeof msg) die("recvfrom");
    }
    double dt = now_s() - t0;
    close(rx);
    close(tx);
    report("udp_sendto_recvfrom", "datagrams/s", (double)iters, dt, (double)iters / dt);
    return 0;
}
