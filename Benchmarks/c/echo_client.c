// The load of scripts/bench_async: N connections, each sending a 64-byte message and waiting
// for its echo, again and again, for D seconds (epoll). Prints {"messages": M, "seconds": S}.
// With a server PID it also sends the server SIGUSR1 a fifth into the run (once every connection has
// had an echo) and again at its end (Benchmarks/c/malloc_count.c reports the server's allocations then) and adds
// "window": the messages between the two signals. With ECHO_MARK_START / ECHO_MARK_END set
// it runs those shell commands at the two marks instead (callgrind_control -z / -d: a profile
// of the window alone).
// Usage: echo_client PORT CONNECTIONS SECONDS [SERVER_PID]
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/// Marks a point of the run: the command in the environment variable `name`, else SIGUSR1.
static void signal_server(pid_t server, const char *name) {
    const char *command = getenv(name);
    if (command) { if (system(command) != 0) fprintf(stderr, "%s failed\n", name); }
    else kill(server, SIGUSR1);
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: echo_client PORT CONNECTIONS SECONDS [SERVER_PID]\n"); return 2; }
    pid_t server = argc > 4 ? (pid_t)atoi(argv[4]) : 0;
    int port = atoi(argv[1]), connections = atoi(argv[2]);
    double seconds = atof(argv[3]);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int epoll = epoll_create1(0);
    int *received = calloc(connections, sizeof(int));
    int *fds = calloc(connections, sizeof(int));
    char message[64];
    memset(message, 'x', sizeof message);
    int one = 1;
    for (int i = 0; i < connections; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&address, sizeof address)) { perror("connect"); return 1; }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        fds[i] = fd;
        struct epoll_event event = {.events = EPOLLIN, .data.u32 = i};
        epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    }
    for (int i = 0; i < connections; i++) send(fds[i], message, sizeof message, MSG_NOSIGNAL);
    long messages = 0;
    struct epoll_event events[512];
    char buffer[4096];
    double start = now(), end = start + seconds, mark = start + seconds / 5;
    long marked = -1;
    // The window opens once every connection has had an echo back: a slow server (one under
    // valgrind) may still be accepting at `mark`, and that work is not per message.
    char *answered = calloc(connections, 1);
    int answering = 0;
    while (now() < end) {
        if (server && marked < 0 && answering == connections && now() >= mark) { marked = messages; signal_server(server, "ECHO_MARK_START"); }
        int count = epoll_wait(epoll, events, 512, 100);
        for (int k = 0; k < count; k++) {
            int i = events[k].data.u32;
            ssize_t got = recv(fds[i], buffer, sizeof buffer, MSG_DONTWAIT);
            if (got <= 0) continue;
            received[i] += got;
            if (!answered[i]) { answered[i] = 1; answering++; }
            while (received[i] >= 64) {
                received[i] -= 64;
                messages++;
                send(fds[i], message, sizeof message, MSG_NOSIGNAL);
            }
        }
    }
    double elapsed = now() - start;
    if (server && marked >= 0) {
        signal_server(server, "ECHO_MARK_END");
        printf("{\"messages\": %ld, \"seconds\": %.3f, \"window\": %ld}\n", messages, elapsed, messages - marked);
    } else {
        printf("{\"messages\": %ld, \"seconds\": %.3f}\n", messages, elapsed);
    }
    for (int i = 0; i < connections; i++) close(fds[i]);
    return 0;
}
