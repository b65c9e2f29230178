@testable import Store

/// Takes a store back to an older schema version, as an older busops left it: each later migration's undo,
/// newest first. A new migration's undo goes here once, not into every migration test.
enum SchemaRollback {
    /// The version each undo leaves the store at, and its SQL, newest first.
    static let undos: [(leaves: Int, sql: String)] = [
        (11, Schema12Undo.sql), (10, Schema11Undo.sql), (9, Schema10Undo.sql), (8, OutboxByMethodUndo.sql), (7, Schema8Undo.sql),
        (6, Schema7Undo.sql), (4, Schema5Undo.sql),
    ]

    static func rollBack(_ db: Connection, to version: Int) throws {
        for undo in undos where undo.leaves >= version { try db.execute(undo.sql) }
    }
}
