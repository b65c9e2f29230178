/// Write-ahead-log housekeeping for long-running writers (`busops serve`), kept here so only Store speaks SQL.
extension Store {
    /// Stop this connection from checkpointing inside its own commits (a dedicated thread does it instead).
    public func deferCheckpoints() throws {
        try db.execute("PRAGMA wal_autocheckpoint = 0")
    }

    /// `PRAGMA wal_checkpoint(PASSIVE)`: copies what it can without waiting; answers the WAL's length in frames
    /// (0 on failure).
    public func passiveCheckpoint() -> Int {
        guard let statement = try? db.prepare("PRAGMA wal_checkpoint(PASSIVE)"),
              let frames = try? statement.all({ $0.int(1) }).first else { return 0 }
        return frames
    }
}
