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
#endif
#endif
