/* Name and address conversions without the network: getaddrinfo on a numeric host,
 * inet_pton / inet_ntop on an IPv6 address, inet_aton on an IPv4 one. Calls per second.
 * getaddrinfo does what CPython's does with each result: it turns the sockaddr into the
 * (host, port) text and number that Python returns (inet_ntop + ntohs), then frees the list. */
#include "common.h"

int main(int argc, char **argv) {
    const char *op = arg_str(argc, argv, "--op", "getaddrinfo");
    long iters = arg_long(argc, argv, "--iters", 200000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);
    volatile long sink = 0;
    double t0 = 0;
    if (strcmp(op, "getaddrinfo") == 0) {
        struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            struct addrinfo *res;
            int rc = getaddrinfo("127.0.0.1", "8080", &hints, &res);
            if (rc != 0) { fprintf(stderr, "error: getaddrinfo: %s\n", gai_strerror(rc)); return 1; }
            for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
                char host[INET6_ADDRSTRLEN];
                const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
                if (inet_ntop(AF_INET, &sin->sin_addr, host, sizeof host) == NULL) die("inet_ntop");
                sink += ai->ai_family + ai->ai_socktype + ai->ai_protocol + ntohs(sin->sin_port) + host[0];
            }
            freeaddrinfo(res);
        }
    } else if (strcmp(op, "inet_pton") == 0) {
        unsigned char out[16];
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            if (inet_pton(AF_INET6, "2001:db8:85a3::8a2e:370:7334", out) != 1) die("inet_pton");
            sink += out[15];
        }
    } else if (strcmp(op, "inet_aton") == 0) {
        struct in_addr out;
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            if (inet_aton("192.168.17.254", &out) == 0) die("inet_aton");
            sink += out.s_addr & 0xff;
        }
    } else {
        unsigned char in[16];
        char text[INET6_ADDRSTRLEN];
        if (inet_pton(AF_INET6, "2001:db8:85a3::8a2e:370:7334", in) != 1) die("inet_pton");
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            if (inet_ntop(AF_INET6, in, text, sizeof text) == NULL) die("inet_ntop");
            sink += text[0];
        }
    }
    double dt = now_s() - t0;
    report(op, "calls/s", (double)iters, dt, (double)iters / dt);
    return sink == 42 ? 2 : 0;
}
