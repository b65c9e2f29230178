import Foundation
import Store

/// The one temp-store fixture every test target uses: a store file in its own temporary directory,
/// opened (created and migrated to the latest schema) or filled with demo data on request, and removed
/// with its WAL, its backups and anything else the test wrote next to it when the fixture goes.
/// The targets' own fixtures (`TempStore`, `DemoFixture`, `ActionStoreFixture`, `DispatchTempStore`,
/// `QimenStoreFixture`, `TmuxStoreTestCase`) are thin users of it.
public final class TemporaryStore: @unchecked Sendable {
    /// 2026-11-21 10:00 GMT+8: a fixed instant, so demo data and rule tiers are reproducible.
    public static let fixedNow = ChinaTime.epoch(year: 2026, month: 11, day: 21, hour: 10)

    public let directory: TempDirectory
    /// The store file's path; nothing exists there until `open()`, `demo(…)` or the test itself makes it.
    public let path: String

    public var dir: String { directory.dir }

    public init(label: String = "busops-test", file: String = "store.sqlite") {
        directory = TempDirectory(label)
        path = directory.file(file)
    }

    /// The path of another file next to the store (a copy, a log, a secret).
    public func file(_ name: String) -> String { directory.file(name) }

    /// Opens the store, creating and migrating it as busops does.
    public func open(readOnly: Bool = false) throws -> Store { try Store(path: path, readOnly: readOnly) }

    /// Creates the demo store (`busops demo`'s generator) with `orders` orders made at `now`.
    @discardableResult
    public func demo(orders: Int, seed: UInt64, now: Int = fixedNow) throws -> Store {
        try DemoGenerator.create(path: path, options: .init(orders: orders, seed: seed, now: now), force: false)
    }
}
