import Foundation
import Store

/// SQLite connections for the worker threads. A `Store` (one connection) is not safe to share
/// between threads, so each request borrows one for its duration and gives it back. The pool
/// grows to the number of threads that ever ask at once (the HTTP worker count) and no further.
public final class StorePool: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var idle: [Store] = []
    private let maxIdle: Int
    private let deferCheckpoints: Bool
    /// The file the first connection opened: a connection opened later on a different file at the same path (the
    /// store replaced under serve) is refused, not used (docs/STORE-SAFETY.md).
    private var identity: FileIdentity?

    /// Opens one connection at once so a missing or unreadable store fails at start, not on
    /// the first request. `deferCheckpoints`: the pool's connections never checkpoint the WAL
    /// themselves; a `WALCheckpointer` must run alongside, or the WAL only grows.
    public init(path: String, maxIdle: Int = 64, deferCheckpoints: Bool = false) throws {
        self.path = path
        self.maxIdle = maxIdle
        self.deferCheckpoints = deferCheckpoints
        idle.append(try open())
    }

    private func open() throws -> Store {
        let store = try Store(path: path, create: false)
        let now = FileIdentity.of(path: path)
        lock.lock()
        if identity == nil { identity = now }
        let first = identity
        lock.unlock()
        if now != first {
            throw StoreError(.vanished, "store gone: \(path) was replaced by another file while serve had it open; serve stopped using it")
        }
        if deferCheckpoints { try store.deferCheckpoints() }
        return store
    }

    public func with<T>(_ body: (Store) throws -> T) throws -> T {
        let store = try checkout()
        defer { checkin(store) }
        // One stat per request: a store deleted, moved or replaced answers nothing more (issue 15).
        if let gone = store.fileProblem() { throw StoreError(.vanished, gone) }
        return try body(store)
    }

    private func checkout() throws -> Store {
        lock.lock()
        if let store = idle.popLast() {
            lock.unlock()
            return store
        }
        lock.unlock()
        return try open()
    }

    private func checkin(_ store: Store) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < maxIdle { idle.append(store) }
    }
}
