// The event loop's C: epoll, eventfd, sendfile and the io_uring system calls (no liburing), Linux only.
#ifndef CPYSOCKET_LOOP_H
#define CPYSOCKET_LOOP_H
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <linux/io_uring.h>
#include <linux/time_types.h>

/// C: `io_uring_setup(2)` through `syscall(2)`; returns the ring's descriptor or -1 (errno set).
static inline int cpy_io_uring_setup(unsigned entries, struct io_uring_params *params) {
    return (int)syscall(__NR_io_uring_setup, entries, params);
}

/// C: `io_uring_enter(2)` through `syscall(2)`.
static inline int cpy_io_uring_enter(int fd, unsigned to_submit, unsigned min_complete, unsigned flags,
                                     const void *arg, size_t argsz) {
    return (int)syscall(__NR_io_uring_enter, fd, to_submit, min_complete, flags, arg, argsz);
}

/// C: `io_uring_register(2)` through `syscall(2)`.
static inline int cpy_io_uring_register(int fd, unsigned opcode, void *arg, unsigned nr_args) {
    return (int)syscall(__NR_io_uring_register, fd, opcode, arg, nr_args);
}

/// Whether the ring's kernel supports `op` (IORING_REGISTER_PROBE); 0 when the probe fails.
static inline int cpy_io_uring_supports(int fd, unsigned op) {
    size_t size = sizeof(struct io_uring_probe) + 256 * sizeof(struct io_uring_probe_op);
    struct io_uring_probe *probe = (struct io_uring_probe *)calloc(1, size);
    if (!probe) return 0;
    int supported = 0;
    if (cpy_io_uring_register(fd, IORING_REGISTER_PROBE, probe, 256) == 0 && op <= probe->last_op) {
        supported = (probe->ops[op].flags & IO_URING_OP_SUPPORTED) != 0;
    }
    free(probe);
    return supported;
}

/// Fills an SQE: zeroed, then opcode, descriptor, address, length, offset, the op's flags word
/// (poll32_events, msg_flags, accept_flags, cancel_flags share it) and the user data.
static inline void cpy_io_uring_prep(struct io_uring_sqe *sqe, uint8_t opcode, int fd, uint64_t addr,
                                     uint32_t len, uint64_t off, uint32_t op_flags, uint64_t user_data) {
    memset(sqe, 0, sizeof(*sqe));
    sqe->opcode = opcode;
    sqe->fd = fd;
    sqe->addr = addr;
    sqe->len = len;
    sqe->off = off;
    sqe->poll32_events = op_flags;
    sqe->user_data = user_data;
}

/// Ring indexes are shared with the kernel: read with acquire, written with release.
static inline unsigned cpy_load_acquire(const unsigned *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void cpy_store_release(unsigned *p, unsigned v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
#endif
#endif
