import Foundation

/// The last `PRAGMA quick_check`: when, and what it said ("ok", or SQLite's first complaints).
public struct StoreCheck: Equatable, Sendable {
    public var at: Int
    public var ok: Bool
    public var detail: String
    public init(at: Int, ok: Bool, detail: String) { self.at = at; self.ok = ok; self.detail = detail }
}

/// Damage SQLite can see: `serve` and `dispatch` run `PRAGMA quick_check` at start and daily and record the result in
/// `meta` (so the console and the CLI know it too), and any statement answering `SQLITE_CORRUPT`/`SQLITE_NOTADB` marks
/// the connection damaged. Either way every money-moving action refuses with "store damaged: restore from a backup"
/// until a check passes again (issue 15; docs/STORE-SAFETY.md "Damaged stores").
extension Store {
    static let checkAtKey = "quick_check_at"
    static let checkResultKey = "quick_check_result"
    public static let damagedRefusal = "store damaged: restore from a backup"

    /// Runs `PRAGMA quick_check` (reads every page, checks each b-tree's structure; seconds on a large store) and
    /// records what it said. A check that passes clears the damage this connection had seen.
    @discardableResult
    public func runQuickCheck(now: Int) -> StoreCheck {
        var result: StoreCheck
        do {
            let rows = try db.prepare("PRAGMA quick_check(20)").all { $0.text(0) }
            let ok = rows == ["ok"]
            // One line, short: it goes on the console's status line and into one log line.
            let lines = rows.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("***") }
            result = StoreCheck(at: now, ok: ok, detail: ok ? "ok" : String(lines.prefix(3).joined(separator: "; ").prefix(300)))
        } catch {
            result = StoreCheck(at: now, ok: false, detail: String(describing: error))
        }
        db.damage = result.ok ? nil : "\(Store.damagedRefusal) (quick_check: \(result.detail))"
        record(result)
        return result
    }

    /// Notes damage SQLite reported outside a check, so the next process refuses too (best effort: the write may
    /// itself fail on a damaged store; this connection refuses regardless).
    public func recordDamage(_ message: String, now: Int) {
        if db.damage == nil { db.damage = message }
        record(StoreCheck(at: now, ok: false, detail: message))
    }

    private func record(_ check: StoreCheck) {
        guard !isReadOnly else { return }
        try? db.transaction {
            try setMeta(Store.checkAtKey, String(check.at))
            try setMeta(Store.checkResultKey, check.detail)
        }
    }

    /// The last recorded check, or nil when none ran yet.
    public func lastCheck() throws -> StoreCheck? {
        guard let detail = try metaValue(Store.checkResultKey) else { return nil }
        let at = Int(try metaValue(Store.checkAtKey) ?? "") ?? 0
        return StoreCheck(at: at, ok: detail == "ok", detail: detail)
    }

    /// Why money-moving actions must refuse now: corruption seen by this connection, or a last check that failed.
    public func damageReason() -> String? {
        if let damage = db.damage { return damage }
        do {
            guard let last = try lastCheck(), !last.ok else { return nil }
            if last.detail.hasPrefix(Store.damagedRefusal) { return last.detail }
            return "\(Store.damagedRefusal) (quick_check at \(ChinaTime.second(last.at)): \(last.detail))"
        } catch let e as StoreError where e.kind == .damaged {
            return e.message
        } catch {
            return nil
        }
    }
}
