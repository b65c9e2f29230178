// HTTPS through a child process, `busops-https`, which owns URLSession and so FoundationNetworking.
// Why a child: FoundationNetworking links libcurl and ~30 libraries behind it, loaded at every start of any
// binary that imports it (+10 ms before the console's first frame, whether or not a callback ever goes
// out over TLS). Kept in its own executable, that cost is paid once, by the first HTTPS call only.
// One child serves every call in turn (calls are serialised: the dispatcher is one thread); a child that
// dies, hangs or answers out of step is killed and replaced on the next call.

import Foundation
import Glibc

public final class HTTPSRelayTransport: TopTransport, @unchecked Sendable {
    public let executable: String
    private let lock = NSLock()
    private var child: (pid: pid_t, input: Int32, output: Int32)?

    public init(executable: String = HTTPSRelayTransport.defaultExecutable) {
        self.executable = executable
    }

    /// `BUSOPS_HTTPS_RELAY`, else `busops-https` beside the running binary (where `swift build` puts both).
    public static var defaultExecutable: String {
        if let path = ProcessInfo.processInfo.environment["BUSOPS_HTTPS_RELAY"], !path.isEmpty { return path }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/busops-https"
    }

    deinit { stop() }

    /// The running relay's pid, for tests that kill it.
    var relayPid: pid_t? { lock.withLock { child?.pid } }

    public func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
        lock.withLock {
            guard let c = running() else {
                return .failed(.other("HTTPS relay \(executable) is missing or cannot start; build it with `swift build --product busops-https`"))
            }
            let frame = RelayFraming.encode(RelayMessage.encode(.init(url: url, contentType: contentType, timeout: timeout, body: body)))
            // The relay enforces `timeout` itself; the extra seconds only catch a relay that hangs.
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64((timeout + 2) * 1e9)
            do {
                try RelayFraming.write(frame, to: c.input)
                guard let answer = try RelayFraming.read(from: c.output, deadline: deadline),
                      let result = RelayMessage.result(answer) else {
                    stop()
                    return .failed(.other("HTTPS relay answered out of step"))
                }
                return result
            } catch RelayFraming.Failure.timedOut {
                stop()
                return .failed(.timeout)
            } catch {
                stop()
                return .failed(.other("HTTPS relay stopped"))
            }
        }
    }

    /// The child, started on first use (or after one was stopped).
    private func running() -> (pid: pid_t, input: Int32, output: Int32)? {
        if let child { return child }
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        signal(SIGPIPE, SIG_IGN)   // a relay that died must fail the write, not kill us
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { return nil }
        guard pipe(&fromChild) == 0 else { close(toChild[0]); close(toChild[1]); return nil }
        // No other child (a second relay, tmux in the tests) may inherit these ends: it would keep the pipe open.
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        // Never onto the operator's terminal: the console owns it.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        close(toChild[0]); close(fromChild[1])
        guard rc == 0 else { close(toChild[1]); close(fromChild[0]); return nil }
        child = (pid, toChild[1], fromChild[0])
        return child
    }

    /// Closing its input ends a healthy relay; a hung one is killed.
    private func stop() {
        guard let c = child else { return }
        child = nil
        close(c.input); close(c.output)
        kill(c.pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(c.pid, &status, 0) < 0 && errno == EINTR {}
    }
}
