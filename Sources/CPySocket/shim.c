// The shim's compiled functions: accept4(2) and ppoll(2), declared by glibc only under _GNU_SOURCE.
#define _GNU_SOURCE
#include <sys/socket.h>
#include <poll.h>
#include <time.h>
#include "CPySocket.h"

int cpy_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

int cpy_ppoll_one(int fd, short events, long long timeout_ns, short *revents) {
    struct pollfd entry = { .fd = fd, .events = events, .revents = 0 };
    struct timespec timeout = { .tv_sec = (time_t)(timeout_ns / 1000000000), .tv_nsec = (long)(timeout_ns % 1000000000) };
    int ready = ppoll(&entry, 1, timeout_ns < 0 ? NULL : &timeout, NULL);
    *revents = ready > 0 ? entry.revents : 0;
    return ready;
}
