import Foundation

/// A private copy of a Litestream follower, for the replica console (docs/REPLICATION.md, "Replica consoles").
///
/// `litestream restore -f` writes the follower's pages straight into its file and applies an update only while
/// no connection has the file open (checked with litestream 0.5.17: an open reader holds updates back, and a
/// long-lived connection keeps showing its cached pages). So the console never keeps the follower open: when
/// the follower's applied txid changes, it is opened for a moment and copied (SQLite's backup API) into this
/// mirror, a commit the console's own connection on the mirror sees like any other.
public final class StoreMirror {
    public let path: String
    private let destination: Connection

    public init(path: String) throws {
        StoreBackup.removeStore(at: path)
        self.path = path
        destination = try Connection(path: path, readOnly: false, create: true)
    }

    /// Copies the follower's current state into the mirror; answers the pages copied.
    @discardableResult
    public func refresh(from follower: String) throws -> Int {
        let source = try Connection(path: follower, readOnly: true, create: false)
        return try StoreBackup.copyPages(from: source, to: destination, stepPages: -1)
    }

    deinit { StoreBackup.removeStore(at: path) }
}
