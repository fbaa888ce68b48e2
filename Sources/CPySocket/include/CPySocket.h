// The C shim: the few things Swift cannot reach in the system headers (macros, errno, varargs).
#ifndef CPYSOCKET_H
#define CPYSOCKET_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <string.h>
#include <net/if.h>

/// errno of the calling thread, read right after a failing call.
static inline int cpy_errno(void) { return errno; }
static inline void cpy_set_errno(int value) { errno = value; }

/// `fcntl(fd, cmd, arg)` with an int argument (Swift cannot call C varargs).
static inline int cpy_fcntl_int(int fd, int cmd, int arg) { return fcntl(fd, cmd, arg); }

/// Offset of `sun_path` inside `struct sockaddr_un`, and its capacity.
static inline size_t cpy_sun_path_offset(void) { return offsetof(struct sockaddr_un, sun_path); }
static inline size_t cpy_sun_path_capacity(void) { return sizeof(((struct sockaddr_un *)0)->sun_path); }

/// C: `accept4(2)`, which glibc declares only under _GNU_SOURCE (defined in shim.c).
int cpy_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);

/// CMSG_* macros.
static inline size_t cpy_cmsg_len(size_t n) { return CMSG_LEN(n); }
static inline size_t cpy_cmsg_space(size_t n) { return CMSG_SPACE(n); }
static inline size_t cpy_cmsg_align(size_t n) { return CMSG_ALIGN(n); }
static inline size_t cpy_cmsghdr_size(void) { return sizeof(struct cmsghdr); }

#endif
