import Foundation
import TestFixtures
import XCTest
@testable import Console
@testable import Store
@testable import Views

/// `:report DATE` (issue 13): the command opens the settlement page, outside commits reload it, Esc closes it, and
/// the frame shows the very lines `busops report day` prints.
final class ReportUpdateTests: XCTestCase {
    let now = fixedNow

    func command(_ s: inout AppState, _ text: String) -> [Effect] {
        _ = Update.apply(&s, .key(.char(":")), now: now)
        for c in text { _ = Update.apply(&s, .key(.char(c)), now: now) }
        return Update.apply(&s, .key(.enter), now: now)
    }

    func report() -> DayReport {
        var line = DayReportLine(route: "上海→杭州")
        line.orders = 2; line.tickets = 3; line.takenFen = 30000; line.feesFen = 500
        line.refunds[.force] = RefundTally(count: 1, amountFen: 9500)
        var total = DayReportLine(route: "total")
        total.add(line)
        return DayReport(day: "2026-11-20", routes: [line], total: total, unacknowledged: [], mismatches: [])
    }

    func testReportCommandLoadsReloadsAndCloses() {
        var s = consoleState(width: 80, height: 24, now: now)
        XCTAssertEqual(command(&s, "report yesterday"), [.loadReport("2026-11-20")])
        XCTAssertEqual(command(&s, "report 2026-02-30"), [])
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertEqual(s.report?.day, "2026-11-20", "a bad date leaves the page as it was")
        _ = Update.apply(&s, .reportLoaded(report()), now: now)
        XCTAssertEqual(s.report?.report, report())
        XCTAssertEqual(Update.apply(&s, .externalChange(dataVersion: 9, at: now), now: now), [.loadReport("2026-11-20"), .loadHealth])
        let frame = FrameRenderer.render(s, now: now)
        let text = (0..<frame.height).map { y in (0..<frame.width).map { frame[$0, y].text }.joined() }.joined(separator: "\n")
        XCTAssertTrue(text.contains("Daily settlement 2026-11-20"))
        XCTAssertTrue(text.contains("95.00 (1)"), text)
        XCTAssertTrue(text.contains("205.00"), "net = 300.00 taken - 95.00 refunded:\n" + text)
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertNil(s.report)
    }
}

/// `:export FILE` (issue 13): written whole, never over an existing file without `:export!`, controls never raw.
final class ExportTests: XCTestCase {
    let now = fixedNow

    func testExportCommandParsesFileAndBang() {
        var s = AppState(session: SessionInfo(storePath: "/tmp/x.sqlite", isDemo: true, readOnly: false, readOnlyReason: nil), now: now)
        func run(_ text: String) -> [Effect] {
            _ = Update.apply(&s, .key(.char(":")), now: now)
            for c in text { _ = Update.apply(&s, .key(.char(c)), now: now) }
            return Update.apply(&s, .key(.enter), now: now)
        }
        XCTAssertEqual(run("export /tmp/a b.csv"), [.export(path: "/tmp/a b.csv", replace: false)])
        XCTAssertEqual(run("export! /tmp/a.csv"), [.export(path: "/tmp/a.csv", replace: true)])
        XCTAssertEqual(run("export"), [])
        XCTAssertEqual(s.message?.kind, .error)
    }

    func testAtomicWriteRefusesToOverwriteUnlessAsked() throws {
        let temp = TemporaryStore(label: "busops-export")
        let dir = temp.dir
        let path = dir + "/out.csv"
        try AtomicExport.write("a\r\n", to: path, replace: false)
        XCTAssertThrowsError(try AtomicExport.write("b\r\n", to: path, replace: false))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a\r\n")
        try AtomicExport.write("b\r\n", to: path, replace: true)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "b\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.csv"], "no temporary file left")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testOrdersExportIsTheWholeFilteredListMasked() throws {
        let temp = TemporaryStore(label: "busops-export")
        let store = try temp.demo(orders: 2500, seed: 5, now: now)
        var s = AppState(session: SessionInfo(storePath: store.path, isDemo: true, readOnly: false, readOnlyReason: nil), now: now)
        s.orders.filter = OrderFilter(statuses: [.issued])
        s.orders.sort = .amount
        let out = try ListExport(store: store).csv(s, now: now)
        let issued = try store.db.scalarInt("SELECT count(*) FROM orders WHERE status = 3")!
        XCTAssertEqual(out.rows, Int(issued))
        XCTAssertGreaterThan(out.rows, 1000, "more than one keyset page")
        let lines = out.text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, out.rows)
        let ids = lines.map { String($0.split(separator: ",")[0]) }
        XCTAssertEqual(Set(ids).count, ids.count, "no row twice across pages")
        let amounts = lines.map { Double($0.split(separator: ",")[10])! }
        XCTAssertEqual(amounts, amounts.sorted(by: >), "the screen's sort")
        let phone = try store.db.scalarText("SELECT contact_phone FROM orders WHERE status = 3 LIMIT 1")!
        XCTAssertFalse(out.text.contains(phone), "phones are masked as on screen")
    }
}
