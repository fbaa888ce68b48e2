// An echo server on io_uring through raw system calls (no liburing): the C completion baseline of scripts/bench_async.
// Per connection one RECV in flight, then one SEND of what it got; accepts with IORING_OP_ACCEPT;
// one io_uring_enter per loop turn submits everything queued and waits for at least one completion.
#include <arpa/inet.h>
#include <errno.h>
#include <linux/io_uring.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ENTRIES 4096
#define MAXFD 65536
#define BUFSIZE 4096

static unsigned *sq_head, *sq_tail, sq_mask, *cq_head, *cq_tail, cq_mask;
static struct io_uring_sqe *sqes;
static struct io_uring_cqe *cqes;
static unsigned tail, queued;
static int ring;
static char *buffers;
/// Per descriptor: where the send in flight starts and ends in the descriptor's buffer.
static unsigned sendStart[MAXFD], sendEnd[MAXFD];

static int enter(unsigned submit, unsigned wait) {
    return (int)syscall(__NR_io_uring_enter, ring, submit, wait, IORING_ENTER_GETEVENTS, NULL, 0);
}

static struct io_uring_sqe *sqe(void) {
    while (tail - __atomic_load_n(sq_head, __ATOMIC_ACQUIRE) >= ENTRIES) {
        __atomic_store_n(sq_tail, tail, __ATOMIC_RELEASE);
        enter(queued, 0);
        queued = 0;
    }
    struct io_uring_sqe *e = &sqes[tail & sq_mask];
    memset(e, 0, sizeof *e);
    tail++;
    queued++;
    return e;
}

// user_data: the fd in the low 32 bits, the operation above.
enum { ACCEPT = 1, RECV = 2, SEND = 3 };

static void prep_recv(int fd) {
    struct io_uring_sqe *e = sqe();
    e->opcode = IORING_OP_RECV;
    e->fd = fd;
    e->addr = (uint64_t)(uintptr_t)(buffers + (size_t)fd * BUFSIZE);
    e->len = BUFSIZE;
    e->user_data = (uint64_t)RECV << 32 | (uint32_t)fd;
}

static void prep_send(int fd, unsigned offset, unsigned length) {
    struct io_uring_sqe *e = sqe();
    e->opcode = IORING_OP_SEND;
    e->fd = fd;
    e->addr = (uint64_t)(uintptr_t)(buffers + (size_t)fd * BUFSIZE + offset);
    e->len = length;
    e->msg_flags = MSG_NOSIGNAL;
    e->user_data = (uint64_t)SEND << 32 | (uint32_t)fd;
    sendStart[fd] = offset;
    sendEnd[fd] = offset + length;
}

static void prep_accept(int server) {
    struct io_uring_sqe *e = sqe();
    e->opcode = IORING_OP_ACCEPT;
    e->fd = server;
    e->accept_flags = SOCK_CLOEXEC;
    e->user_data = (uint64_t)ACCEPT << 32 | (uint32_t)server;
}

int main(void) {
    int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(server, (struct sockaddr *)&address, sizeof address) || listen(server, 4096)) { perror("listen"); return 1; }
    socklen_t length = sizeof address;
    getsockname(server, (struct sockaddr *)&address, &length);

    struct io_uring_params params;
    memset(&params, 0, sizeof params);
    params.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN;
    ring = (int)syscall(__NR_io_uring_setup, ENTRIES, &params);
    if (ring < 0) {
        memset(&params, 0, sizeof params);
        ring = (int)syscall(__NR_io_uring_setup, ENTRIES, &params);
        if (ring < 0) { perror("io_uring_setup"); return 1; }
    }
    size_t sq_size = params.sq_off.array + params.sq_entries * sizeof(unsigned);
    size_t cq_size = params.cq_off.cqes + params.cq_entries * sizeof(struct io_uring_cqe);
    size_t size = sq_size > cq_size ? sq_size : cq_size;
    char *sq = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
    char *cq = (params.features & IORING_FEAT_SINGLE_MMAP) ? sq
        : mmap(NULL, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_CQ_RING);
    sqes = mmap(NULL, params.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) { perror("mmap"); return 1; }
    sq_head = (unsigned *)(sq + params.sq_off.head);
    sq_tail = (unsigned *)(sq + params.sq_off.tail);
    sq_mask = *(unsigned *)(sq + params.sq_off.ring_mask);
    unsigned *array = (unsigned *)(sq + params.sq_off.array);
    for (unsigned i = 0; i < params.sq_entries; i++) array[i] = i;
    cq_head = (unsigned *)(cq + params.cq_off.head);
    cq_tail = (unsigned *)(cq + params.cq_off.tail);
    cq_mask = *(unsigned *)(cq + params.cq_off.ring_mask);
    cqes = (struct io_uring_cqe *)(cq + params.cq_off.cqes);
    tail = *sq_tail;
    buffers = malloc((size_t)MAXFD * BUFSIZE);

    printf("%d io_uring-c\n", ntohs(address.sin_port));
    fflush(stdout);
    prep_accept(server);
    for (;;) {
        __atomic_store_n(sq_tail, tail, __ATOMIC_RELEASE);
        int done = enter(queued, 1);
        if (done >= 0) queued -= (unsigned)done < queued ? (unsigned)done : queued;
        else if (errno != EINTR && errno != EBUSY && errno != EAGAIN && errno != ETIME) { perror("io_uring_enter"); return 1; }
        unsigned head = *cq_head, end = __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE);
        for (; head != end; head++) {
            struct io_uring_cqe *c = &cqes[head & cq_mask];
            int fd = (int)(uint32_t)c->user_data, res = c->res;
            switch ((c->user_data >> 32) & 0xff) {
            case ACCEPT:
                if (res >= 0 && res < MAXFD) {
                    setsockopt(res, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    prep_recv(res);
                } else if (res >= 0) close(res);
                prep_accept(server);
                break;
            case RECV:
                if (res <= 0) { if (res == -EAGAIN || res == -EINTR) prep_recv(fd); else close(fd); break; }
                prep_send(fd, 0, (unsigned)res);
                break;
            case SEND: {
                if (res < 0) { close(fd); break; }
                // A partial send: the rest of the message, from where this one stopped.
                unsigned from = sendStart[fd] + (unsigned)res;
                if (from < sendEnd[fd]) prep_send(fd, from, sendEnd[fd] - from);
                else prep_recv(fd);
                break;
            }
            }
        }
        __atomic_store_n(cq_head, head, __ATOMIC_RELEASE);
    }
}
