/// Numbered migrations, recorded in the store. A store written by a newer busops is refused untouched:
/// we cannot know what its newer schema means, so we must not write to it.
public enum Migrator {
    /// Each entry migrates from version (index) to (index + 1).
    static let migrations: [String] = [Schema1.sql, Schema2.sql, Schema3.sql, Schema4.sql, Schema5.sql, Schema6.sql, Schema7.sql, Schema8.sql,
                                       SchemaOutboxByMethod.sql, Schema10.sql, Schema11.sql, Schema12.sql]
    public static var latestVersion: Int { migrations.count }

    public static func currentVersion(_ db: Connection) throws -> Int {
        let has = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'") ?? 0
        guard has > 0 else { return 0 }
        return Int(try db.scalarInt("SELECT max(version) FROM schema_migrations") ?? 0)
    }

    /// Refuses a newer store; otherwise applies what is missing, each migration in its own transaction.
    public static func migrate(_ db: Connection) throws {
        let current = try currentVersion(db)
        if current > latestVersion {
            throw StoreError(.newerSchema,
                "store \(db.path) has schema version \(current), newer than this busops understands (\(latestVersion)); upgrade busops — the store was not changed")
        }
        guard current < latestVersion else { return }
        if db.readOnly {
            throw StoreError(.readOnly, "store \(db.path) needs schema migration \(current) → \(latestVersion) but is open read-only")
        }
        try db.transaction {
            try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
        }
        for version in current..<latestVersion {
            try db.transaction {
                try db.execute(migrations[version])
                try db.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%s','now'))", .of(version + 1))
            }
        }
    }

    /// Checks without writing (for read-only opens).
    public static func check(_ db: Connection) throws {
        let current = try currentVersion(db)
        if current > latestVersion {
            throw StoreError(.newerSchema,
                "store \(db.path) has schema version \(current), newer than this busops understands (\(latestVersion)); upgrade busops — the store was not changed")
        }
        if current < latestVersion {
            throw StoreError(.invalid, "store \(db.path) is at schema version \(current); open it once without --read-only to migrate it")
        }
    }
}
