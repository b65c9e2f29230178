import Glibc

/// Off unless `BUSOPS_TRACE_FRAMES` names a file. Benchmarks read key-to-frame latency from inside the
/// process instead of through tmux's own polling: one line per key, `key-received-ns frame-drawn-ns`
/// (CLOCK_REALTIME, so outside timestamps compare with it).
final class FrameTrace {
    private let fd: Int32
    private var keyAt: UInt64?

    init?(env: [String: String]) {
        guard let path = env["BUSOPS_TRACE_FRAMES"], !path.isEmpty else { return nil }
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    static func nowNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// The first key since the last frame starts the clock (keys typed ahead share one frame).
    func keyReceived() {
        if keyAt == nil { keyAt = Self.nowNanos() }
    }

    /// Another process's commit, seen through `data_version`, starts the clock the same way (bench/dashboard.sh:
    /// the dashboard's refresh after an outside commit, query and frame).
    func changeSeen() { keyReceived() }

    /// The change seen left the screen as it was, so no frame follows it (only called when nothing else was waiting for
    /// a frame: a key pending makes the loop draw anyway).
    func changeDrewNothing() { keyAt = nil }

    func frameDrawn() {
        guard let k = keyAt else { return }
        keyAt = nil
        let line = Array("\(k) \(Self.nowNanos())\n".utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
