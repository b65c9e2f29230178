import Foundation
import Glibc

/// A fixed set of threads running jobs from one FIFO queue. Handlers may block (SQLite),
/// so they never run on the I/O thread; the pool size bounds concurrent handler work.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let condition = NSCondition()
    private var queue: [Job?] = []
    private var head = 0
    private var closed = false
    private var running = 0
    private let exited = DispatchGroup()

    init(threads: Int, name: String) {
        for i in 0..<max(1, threads) {
            exited.enter()
            let thread = Thread { [self] in
                self.run()
                self.exited.leave()
            }
            thread.name = "\(name)-\(i)"
            thread.start()
        }
    }

    func submit(_ job: @escaping Job) {
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets queued jobs finish, then ends the threads; waits at most `timeout` seconds.
    @discardableResult
    func shutdown(timeout: TimeInterval) -> Bool {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        return exited.wait(timeout: .now() + max(0, timeout)) == .success
    }

    private func run() {
        while let job = next() {
            job()
        }
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count {
            if closed { return nil }
            condition.wait()
        }
        let job = queue[head]
        queue[head] = nil
        head += 1
        // Compact once drained so the array does not grow without bound.
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }
}
