// THE platform selection: the one #if chain that picks the native implementation.
#if os(Linux)
/// The system calls of the platform PySocket was built for.
///
/// Python: none (PySocket's seam).
public typealias NativeSocketInterface = LinuxSocketInterface
/// The C constants of the platform PySocket was built for.
typealias NativeConstants = LinuxConstants
/// The C library's messages (strerror, gai_strerror).
typealias NativeLibc = LinuxLibc
/// The C library's lookups: getaddrinfo and the netdb functions, host and interface names,
/// address text (inet_pton...).
typealias NativeResolver = LinuxResolver
/// The errno values of the platform, as `Int` (what `errno.*` and the exception table hold).
typealias NativeErrno = LinuxErrno
/// The sockaddr layouts of the platform.
typealias NativeSockaddr = LinuxSockaddr
#else
// Darwin needs Platform/Darwin/ (a DarwinSocketInterface and its constants, errno, sockaddr and
// libc helpers, as Platform/Linux/ has), then a branch here; no other platform is planned.
#error("PySocket runs on Linux only: the Darwin conformer (Platform/Darwin/) is not written yet.")
#endif
