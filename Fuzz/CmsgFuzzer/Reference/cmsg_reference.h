// The fuzzer's oracle: CPython's recvmsg walk over the C library's own CMSG_FIRSTHDR/CMSG_NXTHDR.
#ifndef CMSG_REFERENCE_H
#define CMSG_REFERENCE_H

#include <stddef.h>
#include <sys/socket.h>

/// One control message as the reference walk finds it (offsets from the buffer's start).
struct cmsg_reference_item {
    int level;
    int type;
    size_t offset;
    size_t length;
    int truncated;
};

/// Walks `control` (8-byte aligned, `controllen` bytes) as CPython 3.13's sock_recvmsg_guts
/// does (cmsg_min_space, get_cmsg_data_len) with the C library's macros; returns the count
/// of items written to `out` (at most `capacity`).
static inline size_t cmsg_reference_parse(void *control, size_t controllen,
                                          struct cmsg_reference_item *out, size_t capacity) {
    struct msghdr message = {0};
    message.msg_control = control;
    message.msg_controllen = controllen;
    size_t count = 0;
    struct cmsghdr *header = controllen > 0 ? CMSG_FIRSTHDR(&message) : NULL;
    while (header != NULL && count < capacity) {
        size_t offset = (size_t)((char *)header - (char *)control);
        /* cmsg_min_space(CMSG_LEN(0)): the header must lie in the buffer. */
        if (offset > (size_t)-1 - CMSG_LEN(0) || offset + CMSG_LEN(0) > controllen) break;
        if (header->cmsg_len < CMSG_LEN(0)) break;
        size_t declared = header->cmsg_len - CMSG_LEN(0);
        size_t data = (size_t)((char *)CMSG_DATA(header) - (char *)control);
        if (data > controllen) break;
        size_t room = controllen - data;
        int truncated = room < declared;
        out[count].level = header->cmsg_level;
        out[count].type = header->cmsg_type;
        out[count].offset = data;
        out[count].length = truncated ? room : declared;
        out[count].truncated = truncated;
        count++;
        if (truncated) break;
        header = CMSG_NXTHDR(&message, header);
    }
    return count;
}

#endif
