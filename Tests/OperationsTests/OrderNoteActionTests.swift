import XCTest
@testable import Operations
import Store

/// The agent's note (issue 11's proof of one-unit actions): kept, audited, shown, printable only, nothing sent.
final class OrderNoteActionTests: XCTestCase {
    func testANoteIsKeptAuditedAndSendsNothing() throws {
        let f = try DemoFixture()
        let order = try f.order(status: .issued)
        let outbox = try f.int("SELECT count(*) FROM outbox")
        let version = try f.detail(order).version
        let preview = try f.ops().preview(.orderNote(agentOrderId: order, text: "  乘客来电：改乘下一班  "))
        XCTAssertEqual(preview.lines.last, "sends nothing to Fliggy")
        XCTAssertNil(preview.method)
        let done = try f.run(.orderNote(agentOrderId: order, text: "  乘客来电：改乘下一班  "))
        XCTAssertEqual(done.summary, "note added to order \(order)")
        let d = try f.detail(order)
        XCTAssertEqual(d.notes.map(\.text), ["乘客来电：改乘下一班"], "trimmed, kept as typed")
        XCTAssertEqual(d.notes.first?.operatorName, "alice")
        XCTAssertEqual(d.version, version, "a note never makes another operator's action stale")
        XCTAssertEqual(try f.int("SELECT count(*) FROM outbox"), outbox)
        let audit = try f.latestAudit()
        XCTAssertEqual(audit.action, "order.note")
        XCTAssertEqual(audit.entityId, order)
        XCTAssertTrue(audit.after?.contains("乘客来电") ?? false)
        let listed = try f.store.listing(.notes, status: nil, limit: 5)
        XCTAssertEqual(listed.columns, ["note_id", "agent_order_id", "text", "operator", "at"])
        XCTAssertEqual(listed.rows.count, 1)
    }

    func testControlCharactersEmptyAndLongNotesAreRefusedWithNothingWritten() throws {
        let f = try DemoFixture()
        let order = try f.order(status: .issued)
        try assertRefused(f, .orderNote(agentOrderId: order, text: "call back\u{1b}[31m"), kind: "malformed", contains: "control character")
        try assertRefused(f, .orderNote(agentOrderId: order, text: "refund \u{202E}00.001"), kind: "malformed",
                          contains: "note contains a bidirectional formatting character (U+202E)")
        try assertRefused(f, .orderNote(agentOrderId: order, text: "   "), kind: "malformed", contains: "note is required")
        try assertRefused(f, .orderNote(agentOrderId: order, text: String(repeating: "长", count: 201)), kind: "malformed", contains: "at most 200")
        try assertRefused(f, .orderNote(agentOrderId: "BO9999999999", text: "x"), kind: "notFound", contains: "not found")
    }
}
