// The shim's one compiled function: accept4(2), declared by glibc only under _GNU_SOURCE.
#define _GNU_SOURCE
#include <sys/socket.h>
#include "CPySocket.h"

int cpy_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}
