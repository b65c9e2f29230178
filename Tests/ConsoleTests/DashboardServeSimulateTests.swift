import Foundation
import TestFixtures
import XCTest
@testable import Store

/// Issue 13's "every dashboard figure equals the matching SQL … after serve + simulate traffic": `busops serve` on
/// loopback, `busops simulate` signing Fliggy-side calls against it for a few seconds (and a second that signs with
/// the wrong secret, so errors are counted too), then the Dashboard read from the store against DashboardSQL (the
/// StoreTests file, linked here: one copy of the SQL), and serve's per-minute Qimen counters against its own access
/// log, line by line.
final class DashboardServeSimulateTests: XCTestCase {
    func testEveryFigureEqualsSQLAfterServeAndSimulate() throws {
        let temp = TemporaryStore(label: "busops-dash")
        let dir = temp.dir
        let db = temp.path
        XCTAssertEqual(temp.busopsDemo(orders: 300, seed: 13).status, 0)
        let secret = ["BUSOPS_QIMEN_SECRET": "dash-qimen-secret"]
        let serve = try temp.busopsServe(env: secret, accessLog: true)
        defer { serve.stop() }
        let sim = TmuxSession.busops(["simulate", "--qimen", serve.url, "--rate", "25", "--duration", "3", "--seed", "7"], env: secret)
        XCTAssertEqual(sim.status, 0, sim.output)
        _ = TmuxSession.busops(["simulate", "--qimen", serve.url, "--rate", "5", "--duration", "1", "--seed", "8"],
                               env: ["BUSOPS_QIMEN_SECRET": "not-the-secret"])
        XCTAssertEqual(serve.stop(), 0, "serve stops cleanly, writing its last second's counters")

        let store = try Store(path: db)
        XCTAssertGreaterThan(try store.db.scalarInt("SELECT count(*) FROM orders") ?? 0, 300, "simulate created orders through serve")
        try DashboardSQL.check(store, now: Int(Date().timeIntervalSince1970), "after serve + simulate")

        // The counters hold exactly what serve logged: per interface, requests and errors (any retCode but 0).
        var logged: [String: [Int]] = [:]
        let log = (try? String(contentsOfFile: dir + "/serve.err", encoding: .utf8)) ?? ""
        for line in log.split(separator: "\n") {
            // "2026-11-21 10:00:00 127.0.0.1:5 POST / 200 1.25ms method=qimen...seat.query retCode=0"
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 7, Int(words[5]) != nil, words[6].hasSuffix("ms") else { continue }
            let method = words.first { $0.hasPrefix("method=") }.map { String($0.dropFirst(7)) } ?? "-"
            let ok = words.contains("retCode=0")
            logged[method, default: [0, 0]][0] += 1
            if !ok { logged[method, default: [0, 0]][1] += 1 }
        }
        let s = try store.db.prepare("SELECT interface, sum(requests), sum(errors) FROM qimen_minutes GROUP BY 1")
        try s.bind([])
        var counted: [String: [Int]] = [:]
        for r in try s.all({ ($0.text(0), $0.int(1), $0.int(2)) }) { counted[r.0] = [r.1, r.2] }
        XCTAssertEqual(counted, logged, "qimen_minutes against serve's access log")
        XCTAssertGreaterThan(logged.values.reduce(0) { $0 + $1[0] }, 50, "simulate's calls reached serve:\n\(log.prefix(1500))")
        XCTAssertGreaterThan(logged.values.reduce(0) { $0 + $1[1] }, 0, "the wrong secret's calls counted as errors")
        let dash = try store.dashboard(now: Int(Date().timeIntervalSince1970))
        XCTAssertEqual(dash.traffic.reduce(0) { $0 + $1.requests }, logged.values.reduce(0) { $0 + $1[0] }, "the dashboard shows all of it")
    }
}
