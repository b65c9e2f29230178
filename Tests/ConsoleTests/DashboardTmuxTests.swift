import Foundation
import XCTest

/// The Dashboard and the settlement page live in the console (issue 13), through tmux: 6 and `:dash` open it, another
/// process's order shows in today's count, LANG=C draws it in ASCII, `:report` shows the day, `:export` writes a file.
final class DashboardTmuxTests: TmuxStoreTestCase {
    func todayOrders() -> Int {
        Int(SQLiteCLI.query(db, "SELECT count(*) FROM orders WHERE created_at >= (strftime('%s','now') + 28800) / 86400 * 86400 - 28800").first ?? "") ?? -1
    }

    func testDashboardFollowsAnOutsideCommit() throws {
        let t = try startConsole()
        t.send("6")
        let before = todayOrders()
        expect(t, "\(before) orders,", "the dashboard counts today's orders as the store does")
        let r = TmuxSession.busops(["demo", "--db", db, "--tick", "2"])
        XCTAssertEqual(r.status, 0, r.output)
        let after = todayOrders()
        XCTAssertEqual(after, before + 2)
        expect(t, "\(after) orders,", "an outside commit reaches the dashboard")
        t.send("1"); expect(t, "飞猪订单号", "back to Orders")
        t.send(":"); t.type("dash"); t.send("Enter")
        expect(t, "orders/h", ":dash opens it")
    }

    func testASCIIUnderLangCAndReportAndExport() throws {
        let t = try startConsole(env: ["LANG": "C", "LC_ALL": "C"])
        t.send("6")
        let s = expect(t, "seat fill", "dashboard under LANG=C")
        let chart = s.split(separator: "\n").filter { $0.contains("orders/h") || $0.contains("seat fill") || $0.contains("today") }
        XCTAssertFalse(chart.isEmpty)
        for line in chart { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), "ASCII charts under LANG=C: \(line)") }
        t.send(":"); t.type("report today"); t.send("Enter")
        expect(t, "unacknowledged callbacks", ":report shows the settlement and its reconciliation")
        let file = dir + "/settlement.csv"
        t.send(":"); t.type("export \(file)"); t.send("Enter")
        expect(t, "exported", ":export writes the page")
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("date,route,orders,tickets,taken_yuan"), csv)
        t.send(":"); t.type("export \(file)"); t.send("Enter")
        expect(t, "exists; :export! ", "no overwrite without the bang")
    }
}
