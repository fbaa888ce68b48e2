// A malloc and system-call counter preloaded into a benchmark server (LD_PRELOAD): scripts/bench_async's zero-allocation check.
// Counts every malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign of the process,
// and its socket and event calls through libc (recv, send, epoll_wait, epoll_ctl, poll, and
// syscall(2), which io_uring_enter goes through), failed ones included.
// On SIGUSR1 it appends the counts so far, one line, to the file named by MALLOC_COUNT_FILE
// ("mallocs recv send epoll_wait epoll_ctl poll syscall");
// echo_client sends that signal at the start and at the end of its measured window, so the
// difference of the two lines divided by the messages in the window is allocations per message.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static unsigned long count;
static int out = -1;
/// recv, send, epoll_wait, epoll_ctl, poll, syscall.
static unsigned long calls[6];

#define COUNTED(index) __atomic_add_fetch(&calls[index], 1, __ATOMIC_RELAXED)
#define REAL(fn) static __typeof__(fn) *real; if (!real) real = (__typeof__(fn) *)dlsym(RTLD_NEXT, #fn)

ssize_t recv(int fd, void *buffer, size_t length, int flags) {
    REAL(recv);
    COUNTED(0);
    return real(fd, buffer, length, flags);
}
ssize_t send(int fd, const void *buffer, size_t length, int flags) {
    REAL(send);
    COUNTED(1);
    return real(fd, buffer, length, flags);
}
int epoll_wait(int epfd, struct epoll_event *events, int max, int timeout) {
    REAL(epoll_wait);
    COUNTED(2);
    return real(epfd, events, max, timeout);
}
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) {
    REAL(epoll_ctl);
    COUNTED(3);
    return real(epfd, op, fd, event);
}
int poll(struct pollfd *fds, nfds_t count, int timeout) {
    REAL(poll);
    COUNTED(4);
    return real(fds, count, timeout);
}
long syscall(long number, ...) {
    REAL(syscall);
    va_list list;
    va_start(list, number);
    long a = va_arg(list, long), b = va_arg(list, long), c = va_arg(list, long);
    long d = va_arg(list, long), e = va_arg(list, long), f = va_arg(list, long);
    va_end(list);
    COUNTED(5);
    return real(number, a, b, c, d, e, f);
}

void *malloc(size_t size) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_realloc(p, size); }
void *memalign(size_t alignment, size_t size) { __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }
int posix_memalign(void **p, size_t alignment, size_t size) {
    void *memory = memalign(alignment, size);
    if (!memory) return 12; // ENOMEM
    *p = memory;
    return 0;
}

/// Writes the counts as a line of decimals (async-signal-safe: no stdio).
static void report(int signal) {
    (void)signal;
    if (out < 0) return;
    char text[256];
    int at = sizeof text;
    text[--at] = '\n';
    for (int index = 6; index >= 0; index--) {
        unsigned long value = __atomic_load_n(index == 0 ? &count : &calls[index - 1], __ATOMIC_RELAXED);
        do { text[--at] = (char)('0' + value % 10); value /= 10; } while (value);
        if (index) text[--at] = ' ';
    }
    (void)!write(out, text + at, sizeof text - at);
}

__attribute__((constructor)) static void start(void) {
    const char *path = getenv("MALLOC_COUNT_FILE");
    if (!path) return;
    out = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = report;
    action.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &action, NULL);
}
