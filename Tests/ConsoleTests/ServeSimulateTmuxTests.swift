import Foundation
import TestFixtures
import XCTest

/// Issue 5 end to end: `busops serve` on loopback, `busops simulate` signing Fliggy-side traffic against it,
/// and the console on the same store showing the orders Fliggy creates as they arrive.
final class ServeSimulateTmuxTests: XCTestCase {
    func testOrdersCreatedThroughQimenAppearLiveInTheConsole() throws {
        try TmuxSession.requireTmux()
        let temp = TemporaryStore(label: "busops-e2e")
        let db = temp.path
        XCTAssertEqual(temp.busopsDemo(orders: 200, seed: 5).status, 0)
        let secret = ["BUSOPS_QIMEN_SECRET": "e2e-qimen-secret"]
        let serve = try temp.busopsServe(env: secret)
        defer { serve.stop() }
        let console = try TmuxSession(command: "\(TmuxSession.binary) --db \(db) --no-dispatch")
        XCTAssertTrue(console.waitFor("BO0000000200").ok, "the demo's newest order first:\n\(console.screen())")

        let sim = TmuxSession.busops(["simulate", "--qimen", serve.url, "--rate", "20", "--duration", "3", "--seed", "7"], env: secret)
        XCTAssertEqual(sim.status, 0, sim.output)
        let created = TmuxSession.busops(["list", "orders", "--db", db, "--limit", "1", "--json"])
        let newest = try XCTUnwrap(created.output.split(separator: "\"").dropFirst(3).first.map(String.init))
        XCTAssertNotEqual(newest, "BO0000000200", "simulate created orders through serve:\n\(sim.output)")
        let seen = console.waitFor(newest, timeout: 5)
        XCTAssertTrue(seen.ok, "the console shows \(newest) without a key press:\n\(seen.screen)")
        XCTAssertTrue(serve.output.contains("order.create") || serve.output.contains("createOrder") || serve.output.contains("custombus.order.create"),
                      "serve logged the create-order calls:\n\(serve.output.prefix(2000))")
        XCTAssertFalse(serve.output.contains("e2e-qimen-secret"), "no secret in the access log")
        console.send("q")
        XCTAssertEqual(console.exitStatus(), 0)
    }
}
