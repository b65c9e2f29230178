import Glibc

/// Lets the idle main loop sleep until something can have changed, instead of waking 25 times a second to
/// ask SQLite: every commit by another process writes the store's WAL file, and inotify reports that write.
/// The loop still asks `PRAGMA data_version` (the truth); this only decides when asking is worth it.
///
/// A WAL write is reported before the writer publishes the commit in the shared-memory index, so after any
/// reported write the loop keeps asking at the normal poll rate for a short while (`settleMillis`).
final class StoreWatch {
    private let fd: Int32
    /// How long after the last reported write the loop keeps polling at its normal rate.
    static let settleMillis = 300
    /// The longest idle sleep: a safety net for writes inotify cannot see (e.g. a network filesystem).
    static let idleMillis = 1000

    /// nil when inotify or the WAL file is unavailable (the loop then polls at a fixed rate, as before).
    init?(storePath: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd < 0 { return nil }
        let mask = UInt32(IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)
        if inotify_add_watch(fd, storePath + "-wal", mask) < 0 { close(fd); return nil }
        _ = inotify_add_watch(fd, storePath, mask)    // checkpoints and non-WAL writers
        self.fd = fd
    }

    /// Set when a watched file went away (deleted or replaced): the loop goes back to polling at a fixed rate.
    private(set) var broken = false

    deinit { close(fd) }

    enum Wake { case input, storeWritten, timeout }

    /// Sleeps until the terminal has input, the store's files were written, a signal arrived, or the timeout.
    /// `store` false: writes do not wake it (they stay queued and wake the next wait that watches them).
    func wait(inputFD: Int32, timeoutMillis: Int, store: Bool = true) -> Wake {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, store ? 2 : 1, Int32(timeoutMillis))
        if n <= 0 { return .timeout }                       // timeout, or EINTR (SIGWINCH, SIGTERM): the loop looks again
        if store && fds[1].revents != 0 {
            drain()
            return .storeWritten
        }
        return .input
    }

    /// Reads the pending events; a watch removed by the kernel (file deleted or moved) marks the watch broken.
    private func drain() {
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            var off = 0
            while off + 16 <= n {           // struct inotify_event: wd, mask, cookie, len, name[len]
                let field = { (at: Int) in buf.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: off + at, as: UInt32.self) } }
                if field(4) & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { broken = true }
                off += 16 + Int(field(12))
            }
        }
    }
}
