import Foundation

/// What a server's callbacks hand over from their own threads (access records, answers), read by the test,
/// which waits (bounded) for the ones written just after a response went out.
public final class LockedList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    public init() {}

    public func append(_ item: Element) { lock.lock(); items.append(item); lock.unlock() }

    public var all: [Element] { lock.lock(); defer { lock.unlock() }; return items }

    /// Waits until there are `count` items or `timeout` passes; returns what there is.
    public func waitForCount(_ count: Int, timeout: TimeInterval = 3) -> [Element] {
        let deadline = Date().addingTimeInterval(timeout)
        while all.count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        return all
    }
}
