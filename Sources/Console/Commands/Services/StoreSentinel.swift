import Foundation
import Store

/// Watches the store for `serve` and `dispatch` on a thread of its own (docs/STORE-SAFETY.md): every second, that the
/// file at the path is still the one open (deleted, moved or replaced: said once in the log; every connection then
/// refuses on its own); and `PRAGMA quick_check` at start (unless the caller ran it) and daily, recorded in the store
/// so the console and every CLI action know the result.
final class StoreSentinel: @unchecked Sendable {
    private let path: String
    private let name: String
    private let checkEvery: TimeInterval
    private let condition = NSCondition()
    private var stopping = false
    private var started = false
    private var finished = false
    private var gone: String?

    init(path: String, name: String, checkEvery: TimeInterval = 86_400) {
        self.path = path
        self.name = name
        self.checkEvery = checkEvery
    }

    /// Why the store must not be acted on, once noticed.
    var problem: String? { condition.withLock { gone } }

    /// Runs a check now on `store` and logs it (the start check of `dispatch`, before anything is sent).
    /// `quietWhenOK`: `dispatch --once` prints only its summary line unless the check failed.
    static func check(_ store: Store, name: String, quietWhenOK: Bool = false) {
        let started = Date()
        let result = store.runQuickCheck(now: Int(started.timeIntervalSince1970))
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        if result.ok { if !quietWhenOK { Output.error("\(name): store check (quick_check) ok in \(ms) ms") } }
        else { Output.error("\(name): store check (quick_check) FAILED: \(result.detail) — \(Store.damagedRefusal); money-moving actions refuse") }
    }

    func start(checkFirst: Bool) throws {
        let box = SentinelStoreBox(try Store(path: path, create: false))
        let thread = Thread { [self] in run(box.store, checkFirst: checkFirst) }
        thread.name = "busops-store-sentinel"
        condition.withLock { started = true }
        thread.start()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while started && !finished { condition.wait() }
        condition.unlock()
    }

    private func run(_ store: Store, checkFirst: Bool) {
        var nextCheck = checkFirst ? Date() : Date().addingTimeInterval(checkEvery)
        condition.lock()
        while !stopping {
            condition.unlock()
            if let reason = store.fileProblem() {
                let first = condition.withLock { () -> Bool in defer { gone = reason }; return gone == nil }
                if first { Output.error("\(name): \(reason)") }
            } else if Date() >= nextCheck {
                Self.check(store, name: name)
                nextCheck = Date().addingTimeInterval(checkEvery)
            }
            condition.lock()
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(1)) }
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Hands the sentinel's connection to its thread (used only there from then on).
private final class SentinelStoreBox: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}
