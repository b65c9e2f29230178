import XCTest
@testable import Store

/// Takes migration 9 (the callbacks' times to acknowledge) back out of a store, for tests that make older stores.
enum Schema11Undo {
    static let sql = "DROP TRIGGER dash_acks_sent; DROP TABLE dash_acks; DELETE FROM schema_migrations WHERE version = 11;"
}

/// The callbacks' p95 time to acknowledge (issue 13) equals the outbox's, computed by SQL, within the bucket
/// resolution (`AckLatency`: the true p95 lies in [lower, upper) of the bucket shown), after a demo load (recounted)
/// and after live sends (migration 9's trigger).
final class AckLatencyTests: XCTestCase {
    func testHourlyP95EqualsTheOutboxWithinItsBucket() throws {
        let t = TempStore()
        let store = try t.demo(orders: 3000, seed: 12, now: fixedNow)
        try check(store, now: fixedNow, "after the load")
        // Another connection records answers as the dispatcher does (attempts + 1 with the state, one UPDATE).
        let other = try Store(path: t.path)
        let later = fixedNow + 1800
        try other.db.run("""
            UPDATE outbox SET attempts = attempts + 1, state = 'sent', updated_at = max(created_at, ?) - (id % 7) * 13
            WHERE id IN (SELECT id FROM outbox WHERE state IN ('pending', 'failed') ORDER BY id DESC LIMIT 60)
            """, .of(later))
        try other.db.run("UPDATE outbox SET attempts = attempts + 1, state = 'pending', updated_at = ? WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' LIMIT 5)", .of(later))
        try check(store, now: later, "after live sends")
    }

    func testSQLBucketsAreSwiftBuckets() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        for seconds in [0, 1, 2, 4, 5, 9, 10, 59, 60, 61, 299, 300, 3599, 3600, 86399, 86400, 1_000_000] {
            XCTAssertEqual(Int(try store.db.scalarInt("SELECT \(AckLatency.bucketSQL("?1"))", .of(seconds)) ?? -1), AckLatency.bucket(seconds), "\(seconds) s")
        }
        XCTAssertEqual(AckLatency.percentileBucket([0, 0, 0]), nil)
        XCTAssertEqual(AckLatency.percentileBucket([94, 0, 6]), 2, "rank 95 of 100 falls in the last six")
        XCTAssertEqual(AckLatency.percentileBucket([95, 0, 5]), 0)
    }

    func check(_ store: Store, now: Int, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let d = try store.dashboard(now: now)
        let h0 = ChinaTime.startOfDay(now) / 3600
        let sent = "FROM outbox WHERE attempts > 0 AND state = 'sent' AND updated_at / 3600 BETWEEN ?1 AND ?2"
        func p95(_ from: Int, _ to: Int) throws -> Int? {
            try store.db.scalarInt("""
                SELECT updated_at - created_at \(sent) ORDER BY 1 LIMIT 1 OFFSET (SELECT (95 * count(*) + 99) / 100 - 1 \(sent))
                """, .of(from), .of(to)).map(Int.init)
        }
        func within(_ bucket: Int?, _ seconds: Int?, _ what: String) {
            guard let seconds else { return XCTAssertNil(bucket, what, file: file, line: line) }
            guard let b = bucket else { return XCTFail("\(what): no p95, the outbox says \(seconds) s", file: file, line: line) }
            let lower = b == 0 ? Int.min : AckLatency.bounds[b - 1], upper = b < AckLatency.bounds.count ? AckLatency.bounds[b] : Int.max
            XCTAssertTrue(lower <= seconds && seconds < upper, "\(what): p95 \(seconds) s outside bucket \(b) [\(lower), \(upper))", file: file, line: line)
        }
        var hours = 0
        for h in 0..<24 {
            let n = Int(try store.db.scalarInt("SELECT count(*) \(sent)", .of(h0 + h), .of(h0 + h)) ?? 0)
            XCTAssertEqual(d.calls[h].acks.reduce(0, +), n, "\(when) sent \(h)h", file: file, line: line)
            within(d.calls[h].ackP95, try p95(h0 + h, h0 + h), "\(when) \(h)h")
            if n > 0 { hours += 1 }
        }
        XCTAssertGreaterThan(hours, 1, "\(when): callbacks were sent in several hours", file: file, line: line)
        within(d.ackP95, try p95(h0, h0 + 23), "\(when) today")
    }
}
