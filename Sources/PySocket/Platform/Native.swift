// THE platform selection: the one #if chain that picks the native implementation.
#if os(Linux)
/// The system calls of the platform PySocket was built for.
public typealias NativeSocketInterface = LinuxSocketInterface
/// The C constants of the platform PySocket was built for.
typealias NativeConstants = LinuxConstants
/// libc helpers that are not system calls (strerror, gai_strerror...).
typealias NativeLibc = LinuxLibc
typealias NativeErrno = LinuxErrno
/// The sockaddr layouts of the platform.
typealias NativeSockaddr = LinuxSockaddr
#elseif canImport(Darwin)
public typealias NativeSocketInterface = DarwinSocketInterface
typealias NativeConstants = DarwinConstants
typealias NativeLibc = DarwinLibc
typealias NativeErrno = DarwinErrno
typealias NativeSockaddr = DarwinSockaddr
#else
#error("PySocket supports Linux and Darwin; add a Platform/<OS>/ folder for another system.")
#endif
