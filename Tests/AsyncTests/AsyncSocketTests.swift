// The async layer on the real kernel: every scenario on every backend available, and no descriptor leaks.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

@Suite(.fdBalanced) struct AsyncSocketTests {
    @Test(arguments: availableBackends, scenarios.keys.sorted())
    func scenario(_ backend: asyncio.Backend, _ name: String) throws {
        try scenarios[name]!(backend)
    }

    @Test func epollAndPollAreAvailable() {
        #expect(availableBackends.contains(.epoll))
        #expect(availableBackends.contains(.poll))
    }

    @Test func ioUringSetupFailureFallsBackToEpoll() async {
        await #expect(processExitsWith: .success) {
            BackendTestHooks.failIOUringSetup.store(true, ordering: .relaxed)
            let chosen = try? asyncio.run(backend: .io_uring) { asyncio.get_running_loop().backend }
            // And the fallback loop works: a receive over a socketpair.
            let echoed = try? asyncio.run(backend: .io_uring) { () -> bytes in
                let loop = asyncio.get_running_loop()
                let (a, b) = try nonBlockingPair()
                defer { a.close(); b.close() }
                _ = try b.send("ok")
                return try await loop.sock_recv(a, 10)
            }
            exit(chosen == .epoll && echoed == "ok" ? 0 : 1)
        }
    }

    @Test func ioUringIsTheDefaultWhereItWorks() throws {
        let chosen = try asyncio.run { asyncio.get_running_loop().backend }
        #expect(chosen == (availableBackends.contains(.io_uring) ? .io_uring : .epoll))
    }

    @Test func theEnvironmentChoosesTheBackend() async {
        await #expect(processExitsWith: .success) {
            setenv("PYSOCKET_BACKEND", "poll", 1)
            let chosen = try? asyncio.run { asyncio.get_running_loop().backend }
            setenv("PYSOCKET_BACKEND", "nonsense", 1)
            let refused = (try? asyncio.run { 1 }) == nil
            exit(chosen == .poll && refused ? 0 : 1)
        }
    }

    @Test func noScenarioLeaksADescriptor() async {
        // In a child process, where no other test opens descriptors meanwhile.
        await #expect(processExitsWith: .success) {
            exit(descriptorLeaks(scenarios) == 0 ? 0 : 1)
        }
    }
}
