import Foundation

/// The busops store: one SQLite file in WAL mode shared by the console, `serve` and `dispatch`.
/// Each process (and each thread) opens its own `Store`; the file is the shared state.
public final class Store {
    public let db: Connection
    public var path: String { db.path }
    public var isReadOnly: Bool { db.readOnly }

    /// Opens an existing store or creates a new one, migrating it to the latest schema.
    /// `readOnly` never writes, not even a migration.
    public init(path: String, readOnly: Bool = false, create: Bool = true) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.notFound, "no store at \(path)")
        }
        db = try Connection(path: path, readOnly: readOnly, create: create)
        if readOnly { try Migrator.check(db) } else { try Migrator.migrate(db) }
        // Litestream replicates this store: it alone checkpoints (CheckpointOwner, docs/REPLICATION.md).
        if !readOnly, (try? CheckpointOwner.resolve(storePath: path)) == .litestream { try deferCheckpoints() }
    }

    /// Whether the demo generator made this store (the console marks the screen DEMO).
    public func isDemo() throws -> Bool {
        try db.scalarText("SELECT value FROM meta WHERE key = 'demo'") == "1"
    }

    /// Changes when another connection commits; poll it to stay live without re-querying.
    public func dataVersion() throws -> Int64 { try db.dataVersion() }

    /// True when the file can be written by this process (the console falls back to read-only otherwise).
    public static func isWritable(path: String) -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return fm.isWritableFile(atPath: path) }
        return fm.isWritableFile(atPath: (path as NSString).deletingLastPathComponent)
    }
}
