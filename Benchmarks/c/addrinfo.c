/* Name and address conversions without the network: getaddrinfo on a numeric host,
 * inet_pton / inet_ntop on an IPv6 address, inet_aton on an IPv4 one. Calls per second.
 * getaddrinfo does what CPython's socket_getaddrinfo does around the C call: the port comes in
 * as a number and is formatted as the service text (CPython: PyOS_snprintf "%ld"), and the
 * results are copied into a list of their own (CPython's list of 5-tuples) with each sockaddr
 * turned into the (host, port) text and number that Python returns (inet_ntop + ntohs), before
 * freeaddrinfo; the list is freed when the caller is done with it. */
#include "common.h"

int main(int argc, char **argv) {
    const char *op = arg_str(argc, argv, "--op", "getaddrinfo");
    long iters = arg_long(argc, argv, "--iters", 200000);
    long warmup = arg_long(argc, argv, "--warmup", iters / 10);
    volatile long sink = 0;
    double t0 = 0;
    if (strcmp(op, "getaddrinfo") == 0) {
        struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
        struct result { int family, socktype, protocol, port; char host[INET6_ADDRSTRLEN]; };
        volatile long port = 8080;
        for (long i = 0; i < iters + warmup; i++) {
            if (i == warmup) t0 = now_s();
            char service[32];
            snprintf(service, sizeof service, "%ld", port);
            struct addrinfo *res;
            int rc = getaddrinfo("127.0.0.1", service, &hints, &res);
            if (rc != 0) { fprintf(stderr, "error: getaddrinfo: %s\n", gai_strerror(rc)); return 1; }
            size_t count = 0;
            for (struct addrinfo *ai = res; ai; ai = ai->ai_next) count++;
            struct result *list = malloc(count * sizeof *list);
            if (list == NULL) die("malloc");
            size_t n = 0;
            for (struct addrinfo *ai = res; ai; ai = ai->ai_next, n++) {
                const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
                if (inet_ntop(AF_INET, &sin->sin_addr, list[n].host, sizeof list[n].host) == NULL) die("inet_ntop");
                list[n].family = ai->ai_family;
                list[n].socktype = ai->ai_socktype;
                list[n].protocol = ai->ai_protocol;
                list[n].port = ntohs(sin->sin_port);
            }
            freeaddrinfo(res);
            for (size_t k = 0; k < count; k++)
                sink += list[k].family + list[k].socktype + list[k].protocol + list[k].port + list[k].host[0];
            free(list);
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
